package dev.txsuite.coordinator.act;

import jakarta.validation.constraints.Size;

/** {@code {"note":"..."}}, optional (abort, retry): the operator's reason, kept with the action. */
record NoteRequest(@Size(max = 500) String note) {}
