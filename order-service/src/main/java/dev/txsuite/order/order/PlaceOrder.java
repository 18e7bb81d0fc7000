package dev.txsuite.order.order;

import dev.txsuite.contract.order.OrderProblem;
import dev.txsuite.contract.order.PlaceOrderCommand;
import dev.txsuite.order.idempotency.IdempotencyKey;
import dev.txsuite.order.idempotency.IdempotencyKeys;
import dev.txsuite.order.order.TransactionCoordinator.Outcome;
import dev.txsuite.protocol.Decision;
import dev.txsuite.protocol.Protocol;
import dev.txsuite.protocol.Reasons;
import java.util.UUID;
import org.springframework.stereotype.Service;

/**
 * Places an order: prices it, then runs its global transaction at the coordinator (this service takes part as
 * the participant "order") and answers with the outcome. With an Idempotency-Key the first answer is kept and
 * replayed, and a repeated request never starts a second transaction.
 */
@Service
public class PlaceOrder {

    private final PriceOrder priceOrder;
    private final TransactionCoordinator coordinator;
    private final OwnBranch ownBranch;
    private final IdempotencyKeys idempotencyKeys;
    private final OrderRepository orders;
    private final OrderAnswers answers;
    private final OrderProperties properties;
    private final OrderAdmission admission;

    PlaceOrder(
            PriceOrder priceOrder,
            TransactionCoordinator coordinator,
            OwnBranch ownBranch,
            IdempotencyKeys idempotencyKeys,
            OrderRepository orders,
            OrderAnswers answers,
            OrderProperties properties,
            OrderAdmission admission) {
        this.priceOrder = priceOrder;
        this.coordinator = coordinator;
        this.ownBranch = ownBranch;
        this.idempotencyKeys = idempotencyKeys;
        this.orders = orders;
        this.answers = answers;
        this.properties = properties;
        this.admission = admission;
    }

    /**
     * Admits the order ({@link OrderAdmission}) before anything is read or written, or answers it {@code 503} at once.
     *
     * @param idempotencyKey the client's Idempotency-Key, or null
     * @throws OrderProblem for a request that cannot become an order (nothing is written then)
     */
    public OrderAnswer place(PlaceOrderCommand command, String idempotencyKey) {
        var place = admission.enter();
        if (place.isEmpty()) {
            return answers.overloaded(admission.limit());
        }
        OrderAnswer answer;
        try {
            answer = placeAdmitted(command, idempotencyKey);
        } catch (RuntimeException e) {
            place.get().onIgnore();
            throw e;
        }
        admission.leave(place.get(), answer);
        return answer;
    }

    private OrderAnswer placeAdmitted(PlaceOrderCommand command, String idempotencyKey) {
        if (idempotencyKey == null) {
            return run(command, priceOrder.price(command), UUID.randomUUID());
        }
        return placeOnce(command, idempotencyKey, true);
    }

    private OrderAnswer placeOnce(PlaceOrderCommand command, String key, boolean mayStartOver) {
        var fingerprint = command.fingerprint();
        var earlier = idempotencyKeys.find(key);
        if (earlier.isPresent()) {
            return answerOfEarlier(earlier.get(), command, key, mayStartOver);
        }
        // priced before the key is claimed: an unknown sku (422) or an unreachable service (503) leaves no trace
        var order = priceOrder.price(command);
        var orderId = UUID.randomUUID();
        if (!idempotencyKeys.claim(key, fingerprint, orderId)) {
            return idempotencyKeys
                    .find(key)
                    .map(winner -> answerOfEarlier(winner, command, key, mayStartOver))
                    .orElseGet(() -> startOver(command, key, mayStartOver));
        }
        OrderAnswer answer;
        try {
            answer = run(command, order, orderId);
        } catch (RuntimeException e) {
            idempotencyKeys.release(key);
            throw e;
        }
        if (answer.isWorthKeeping()) {
            idempotencyKeys.keep(key, answer.toKept());
        } else {
            idempotencyKeys.release(key);
        }
        return answer;
    }

    private OrderAnswer answerOfEarlier(
            IdempotencyKey earlier, PlaceOrderCommand command, String key, boolean mayStartOver) {
        if (!earlier.requestHash().equals(command.fingerprint())) {
            throw OrderProblem.idempotencyKeyReused(key);
        }
        if (earlier.answer().isPresent()) {
            return OrderAnswer.of(earlier.answer().get());
        }
        var awaited = idempotencyKeys.awaitAnswer(key, properties.idempotencyWait());
        if (awaited.isEmpty()) {
            return startOver(command, key, mayStartOver);
        }
        return awaited.get()
                .answer()
                .map(OrderAnswer::of)
                .orElseGet(() -> answers.stillPending(
                        earlier.orderId(),
                        orders.findById(earlier.orderId()).map(Order::txId).orElse(null)));
    }

    /** The earlier request with this key failed and let the key go: this one may place the order itself. */
    private OrderAnswer startOver(PlaceOrderCommand command, String key, boolean mayStartOver) {
        if (!mayStartOver) {
            return answers.notStarted();
        }
        return placeOnce(command, key, false);
    }

    /**
     * Under 2PC this service prepares its own branch first and begins the transaction as its initiator, so the
     * coordinator sends PREPARE only to inventory and payment; under 3PC the coordinator sends CAN-COMMIT to all three
     * (the order branch's termination protocol needs the participants the coordinator lists).
     */
    private OrderAnswer run(PlaceOrderCommand command, PricedOrder order, UUID orderId) {
        var txId = UUID.randomUUID().toString();
        var payload = OrderPayload.of(orderId.toString(), order);
        var transaction = OrderTransaction.of(txId, orderId.toString(), order, properties.voteTimeout());
        var initiated = order.protocol() == Protocol.TWO_PHASE;
        if (initiated) {
            ownBranch.prepare(payload, txId);
            transaction = transaction.begunBy(OrderBranch.PARTICIPANT);
        }
        return switch (coordinator.run(transaction)) {
            case Outcome.NotStarted notStarted -> {
                if (!initiated) {
                    yield answers.notStarted();
                }
                ownBranch.abandon(payload, txId);
                yield answers.failed(orderId, txId, Reasons.COORDINATOR_UNAVAILABLE);
            }
            case Outcome.Undecided undecided -> {
                if (!initiated) {
                    ownBranch.awaitOutcome(payload, txId);
                }
                yield answers.pending(orderId, txId, order);
            }
            case Outcome.Decided(var decision, var reason) -> {
                ownBranch.settle(payload, txId, decision, reason);
                if (decision == Decision.COMMIT) {
                    yield answers.confirmed(orderId, txId, order);
                }
                if (Reasons.isTechnical(reason)) {
                    yield answers.failed(orderId, txId, reason);
                }
                priceOrder.forgetWhatChanged(command, reason);
                yield answers.rejected(orderId, txId, reason);
            }
        };
    }
}
