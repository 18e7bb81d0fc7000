package dev.txsuite.coordinator.act;

import static dev.txsuite.coordinator.act.Refusal.at;

import dev.txsuite.coordinator.log.TransactionLeases;
import dev.txsuite.coordinator.run.RunningTransactions;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * {@code POST /api/transactions/{txId}/retry}: an operator has the decision of a transaction in phase two sent now
 * to every participant that has not acknowledged it (say, after repairing the one that did not answer). A
 * transaction this instance owns is woken; one another instance owns (its lease expired, or it is alive but an
 * operator asks here) is taken over at the next epoch first, so only this instance goes on sending.
 */
@Service
class RetryPhaseTwo {

    private static final Logger log = LoggerFactory.getLogger(RetryPhaseTwo.class);

    private final ActionLog actions;
    private final TransactionLeases leases;
    private final RunningTransactions runs;

    RetryPhaseTwo(ActionLog actions, TransactionLeases leases, RunningTransactions runs) {
        this.actions = actions;
        this.leases = leases;
        this.runs = runs;
    }

    void retry(String txId, OperatorRequest request) {
        var takenOverAt = actions.act(
                txId,
                Action.RETRY,
                request,
                RetryPhaseTwo::refusal,
                tx -> actions.ownedHere(tx)
                        ? Optional.<Long>empty()
                        : Optional.of(leases.takeOver(txId, tx.owner(), tx.epoch())));
        log.info(
                "{} asked to send the decision of transaction {} again{}",
                request.operator(),
                txId,
                takenOverAt.map(epoch -> ", taken over at epoch " + epoch).orElse(""));
        var sent = takenOverAt.map(epoch -> runs.takeOver(txId, epoch)).orElseGet(() -> runs.sendDecisionNow(txId));
        if (!sent) {
            log.warn("transaction {} changed hands before its decision went out again; its owner sends it", txId);
        }
    }

    private static Optional<Refusal> refusal(LockedTransaction tx) {
        if (tx.undecided()) {
            return Optional.of(new Refusal(
                    RefusalReason.NOT_DECIDED,
                    "the transaction is not decided yet (" + tx.state() + "): there is no decision to send"));
        }
        if (tx.ended()) {
            return Optional.of(new Refusal(
                    RefusalReason.ALREADY_ENDED,
                    "the transaction already ended " + tx.state() + at(tx.endedAt()) + ": there is nothing to send"));
        }
        return Optional.empty();
    }
}
