package dev.txsuite.coordinator.act;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** {@code {"note":"..."}}, required: what the operator did about the transaction, shown with its resolution. */
record ResolveRequest(@NotBlank @Size(min = 1, max = 500) String note) {}
