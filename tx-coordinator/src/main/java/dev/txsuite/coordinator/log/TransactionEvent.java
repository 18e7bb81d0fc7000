package dev.txsuite.coordinator.log;

import dev.txsuite.events.SuiteEvent;
import dev.txsuite.events.Topics;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * What happens to a transaction at its coordinator. The facts about the transaction as a whole ({@link Published}:
 * begun, pre-committed, decided, completed, taken over, a conflict, a failed delivery, an operator's action) go to
 * {@code tx.events}, each written to the outbox in the same local transaction as the log write it describes, keyed and
 * subjected by the transaction id. A branch's vote and acknowledgements ({@link VoteReceived},
 * {@link BranchPreCommitted}, {@link BranchAcknowledged}) stay in the coordinator: told in-process to this instance's
 * live view as they arrive, and written to the log with the decision or the end (docs/architecture.md, "Events").
 */
public sealed interface TransactionEvent {

    String eventId();

    String txId();

    /** The versioned event type, for example {@code dev.txsuite.tx.decided.v1}. */
    String type();

    Instant time();

    /** A transaction-level fact, published to {@code tx.events} through the outbox. */
    sealed interface Published extends TransactionEvent, SuiteEvent {

        @Override
        default String topic() {
            return Topics.TX_EVENTS;
        }

        @Override
        default String key() {
            return txId();
        }
    }

    /**
     * Recorded before the first PREPARE; {@code participants} in the order PREPARE goes out in; {@code orderId}, the
     * order the transaction is for, is null when its initiator did not say.
     */
    record Begun(
            String eventId,
            Instant time,
            String txId,
            String protocol,
            String owner,
            List<String> participants,
            String orderId)
            implements Published {

        public static final String TYPE = "dev.txsuite.tx.begun.v1";

        public Begun {
            participants = List.copyOf(participants);
        }

        @Override
        public String type() {
            return TYPE;
        }
    }

    /**
     * The owner's lease expired and another coordinator instance took the transaction over: {@code newOwner}
     * runs it from now on, and its messages carry {@code epoch}, so the participants refuse those of
     * {@code previousOwner}.
     */
    record TakenOver(String eventId, Instant time, String txId, String previousOwner, String newOwner, long epoch)
            implements Published {

        public static final String TYPE = "dev.txsuite.tx.taken-over.v1";

        @Override
        public String type() {
            return TYPE;
        }
    }

    /**
     * A vote as the coordinator counts it: the participant's answer, or NO with {@code PARTICIPANT_UNAVAILABLE}
     * or {@code VOTE_TIMEOUT} when it did not answer. {@code reason} is null for YES.
     */
    record VoteReceived(String eventId, Instant time, String txId, String participant, String vote, String reason)
            implements TransactionEvent {

        public static final String TYPE = "dev.txsuite.tx.vote-received.v1";

        @Override
        public String type() {
            return TYPE;
        }
    }

    /** 3PC: every vote was YES and PRE-COMMIT is force-logged; PRE-COMMIT goes out next. Not a decision yet. */
    record PreCommitted(String eventId, Instant time, String txId) implements Published {

        public static final String TYPE = "dev.txsuite.tx.pre-committed.v1";

        @Override
        public String type() {
            return TYPE;
        }
    }

    /** 3PC: a participant acknowledged PRE-COMMIT (or was found PRE-COMMITTED by a recovery). */
    record BranchPreCommitted(String eventId, Instant time, String txId, String participant)
            implements TransactionEvent {

        public static final String TYPE = "dev.txsuite.tx.branch-pre-committed.v1";

        @Override
        public String type() {
            return TYPE;
        }
    }

    /**
     * A participant's branch ended against the decision ({@code state} COMMITTED or ABORTED): atomicity is
     * violated for this transaction (3PC under a network partition) and an operator must resolve it.
     */
    record BranchConflict(String eventId, Instant time, String txId, String participant, String state)
            implements Published {

        public static final String TYPE = "dev.txsuite.tx.branch-conflict.v1";

        @Override
        public String type() {
            return TYPE;
        }
    }

    /** {@code decision} COMMIT or ABORT; {@code reason} is null for COMMIT. */
    record Decided(String eventId, Instant time, String txId, String decision, String reason) implements Published {

        public static final String TYPE = "dev.txsuite.tx.decided.v1";

        @Override
        public String type() {
            return TYPE;
        }
    }

    record BranchAcknowledged(String eventId, Instant time, String txId, String participant)
            implements TransactionEvent {

        public static final String TYPE = "dev.txsuite.tx.branch-acknowledged.v1";

        @Override
        public String type() {
            return TYPE;
        }
    }

    /**
     * Every participant owed the decision acknowledged it, or an operator resolved the transaction while one could
     * not; {@code outcome} COMMITTED or ABORTED; {@code durationMillis} from its record to its end, by the log.
     */
    record Completed(String eventId, Instant time, String txId, String outcome, String protocol, long durationMillis)
            implements Published {

        public static final String TYPE = "dev.txsuite.tx.completed.v1";

        /** The event of an end the log has just written; the duration by the log's timestamps. */
        public static Completed of(
                String txId, String outcome, String protocol, Instant createdAt, Instant endedAt, Instant now) {
            return new Completed(
                    SuiteEvent.newEventId(),
                    now,
                    txId,
                    outcome,
                    protocol,
                    Math.max(0, Duration.between(createdAt, endedAt).toMillis()));
        }

        @Override
        public String type() {
            return TYPE;
        }
    }

    /**
     * A protocol message to a participant that failed: {@code message} PREPARE, PRE-COMMIT, COMMIT or ABORT,
     * {@code attempt} counts the failed deliveries of that message to that participant, {@code error} says why.
     * A failed decision is sent again by the phase-two retries; this is their trace.
     */
    record DeliveryFailed(
            String eventId, Instant time, String txId, String participant, String message, int attempt, String error)
            implements Published {

        public static final String TYPE = "dev.txsuite.tx.delivery-failed.v1";

        @Override
        public String type() {
            return TYPE;
        }
    }

    /**
     * An operator's action that was carried out: {@code action} ABORT, RETRY or RESOLVE, by {@code operator}, with
     * the operator's {@code note} (may be null). Refused actions are recorded in the log only.
     */
    record OperatorAction(String eventId, Instant time, String txId, String action, String operator, String note)
            implements Published {

        public static final String TYPE = "dev.txsuite.tx.operator-action.v1";

        @Override
        public String type() {
            return TYPE;
        }
    }
}
