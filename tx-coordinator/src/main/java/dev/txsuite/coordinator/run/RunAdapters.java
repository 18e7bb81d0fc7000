package dev.txsuite.coordinator.run;

import dev.txsuite.coordinator.log.DecisionLog;
import dev.txsuite.coordinator.participant.ParticipantClient;
import dev.txsuite.faults.Faults;
import java.time.Clock;
import java.util.concurrent.Executor;
import org.springframework.scheduling.TaskScheduler;

/**
 * What a {@link TransactionRun} carries the machine's outputs out with: the log, the participants, a thread
 * per message, the timer for the vote and PRE-COMMIT deadlines, and the halt points of fault injection.
 */
record RunAdapters(
        DecisionLog log,
        ParticipantClient participants,
        Executor messages,
        TaskScheduler timers,
        Clock clock,
        Faults faults) {}
