package dev.txsuite.coordinator.act;

import static dev.txsuite.coordinator.act.Refusal.at;

import dev.txsuite.coordinator.log.TransactionLeases;
import dev.txsuite.coordinator.run.RunningTransactions;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * {@code POST /api/transactions/{txId}/abort}: an operator aborts a transaction still collecting votes (PREPARING),
 * say one whose participant hangs. One fenced statement takes it over for this instance at the next epoch and logs
 * ABORT ({@value #OPERATOR_ABORT}); then this instance sends ABORT to the branches as recovery would, retried until
 * acknowledged. The former owner (this instance's own run, or a paused instance) is fenced out by the epoch: its
 * log writes are refused, and the participants refuse its messages once they saw the new epoch. A transaction past
 * that point is refused: a COMMIT decision, or 3PC's PRE-COMMIT, may already have reached a participant.
 */
@Service
class AbortTransaction {

    static final String OPERATOR_ABORT = "OPERATOR_ABORT";

    private static final Logger log = LoggerFactory.getLogger(AbortTransaction.class);

    private final ActionLog actions;
    private final TransactionLeases leases;
    private final RunningTransactions runs;

    AbortTransaction(ActionLog actions, TransactionLeases leases, RunningTransactions runs) {
        this.actions = actions;
        this.leases = leases;
        this.runs = runs;
    }

    void abort(String txId, OperatorRequest request) {
        var epoch = actions.act(
                txId,
                Action.ABORT,
                request,
                AbortTransaction::refusal,
                tx -> leases.takeOverToAbort(txId, tx.owner(), tx.epoch(), OPERATOR_ABORT));
        log.warn("{} aborted transaction {}; sending ABORT at epoch {}", request.operator(), txId, epoch);
        if (!runs.takeOver(txId, epoch)) {
            log.warn("transaction {} was taken over again before its ABORT went out; its new owner sends it", txId);
        }
    }

    private static Optional<Refusal> refusal(LockedTransaction tx) {
        return switch (tx.state()) {
            case PREPARING -> Optional.empty();
            case PRE_COMMITTING ->
                Optional.of(new Refusal(
                        RefusalReason.PRE_COMMIT_SENT,
                        "PRE-COMMIT was sent: participants may commit by the termination protocol, aborting could"
                                + " split the transaction"));
            case COMMITTING, COMMITTED ->
                Optional.of(new Refusal(
                        RefusalReason.ALREADY_DECIDED,
                        "the transaction was decided COMMIT" + at(tx.decidedAt())
                                + ": aborting it now would break atomicity"));
            case ABORTING ->
                Optional.of(new Refusal(
                        RefusalReason.ALREADY_DECIDED,
                        "the transaction was already decided ABORT (" + tx.reason() + ")" + at(tx.decidedAt())
                                + "; its ABORT is being delivered: retry sends it now"));
            case ABORTED ->
                Optional.of(new Refusal(
                        RefusalReason.ALREADY_ENDED,
                        "the transaction already ended ABORTED (" + tx.reason() + ")" + at(tx.endedAt())));
        };
    }
}
