package dev.txsuite.baseline.order;

import dev.txsuite.contract.order.OrderProblem;
import dev.txsuite.contract.order.PlaceOrderCommand;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Places an order in ONE local transaction ({@link WriteOrder}). With an Idempotency-Key the answer is kept in
 * that same transaction, so a key is never seen without its answer, and a repeated request never writes a second
 * order: it gets the first answer, or a 422 if its body differs.
 */
@Service
public class PlaceOrder {

    /** What every order of the baseline runs, and what its answer and its row say: one local transaction. */
    public static final String PROTOCOL = "LOCAL";

    private final TransactionTemplate transaction;
    private final WriteOrder writeOrder;
    private final IdempotencyKeys idempotencyKeys;

    PlaceOrder(TransactionTemplate transaction, WriteOrder writeOrder, IdempotencyKeys idempotencyKeys) {
        this.transaction = transaction;
        this.writeOrder = writeOrder;
        this.idempotencyKeys = idempotencyKeys;
    }

    /**
     * @param idempotencyKey the client's Idempotency-Key, or null
     * @throws OrderProblem for a request that cannot become an order (nothing is written then)
     */
    public OrderAnswer place(PlaceOrderCommand command, String idempotencyKey) {
        if (idempotencyKey == null) {
            return transaction.execute(status -> writeOrder.write(command));
        }
        var earlier = idempotencyKeys.find(idempotencyKey);
        if (earlier.isPresent()) {
            return answerOfEarlier(earlier.get(), command, idempotencyKey);
        }
        try {
            return transaction.execute(status -> {
                var answer = writeOrder.write(command);
                if (!idempotencyKeys.keep(idempotencyKey, command.fingerprint(), answer)) {
                    throw new AnsweredMeanwhile();
                }
                return answer;
            });
        } catch (AnsweredMeanwhile e) {
            // a request with the same key committed while this one ran: its order stands, this one rolled back
            return answerOfEarlier(idempotencyKeys.find(idempotencyKey).orElseThrow(), command, idempotencyKey);
        }
    }

    private static OrderAnswer answerOfEarlier(IdempotencyKeys.Kept earlier, PlaceOrderCommand command, String key) {
        if (!earlier.requestHash().equals(command.fingerprint())) {
            throw OrderProblem.idempotencyKeyReused(key);
        }
        return earlier.answer();
    }

    /** Rolls the transaction back: another request's answer for the same key was kept first. */
    private static final class AnsweredMeanwhile extends RuntimeException {

        AnsweredMeanwhile() {
            super(null, null, false, false);
        }
    }
}
