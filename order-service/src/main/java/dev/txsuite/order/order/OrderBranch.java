package dev.txsuite.order.order;

import dev.txsuite.contract.order.OrderEvent;
import dev.txsuite.contract.order.OrderStatus;
import dev.txsuite.events.SuiteEvent;
import dev.txsuite.participant.BranchWork;
import dev.txsuite.protocol.Reasons;
import dev.txsuite.protocol.Vote;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The order participant: PREPARE records the order PENDING, COMMIT confirms it, ABORT rejects it. Each step
 * publishes its order event in the participant's local transaction, so the event commits with the change; a NO
 * vote changes nothing and publishes nothing. Plain SQL: the order and its lines in two statements, a decision in
 * one.
 */
@Component
class OrderBranch implements BranchWork<OrderPayload> {

    /** This participant's name, as the coordinator knows it ({@code txsuite.participant.name}). */
    static final String PARTICIPANT = "order";

    static final String DUPLICATE_ORDER = "DUPLICATE_ORDER";
    static final String INVALID_ORDER = "INVALID_ORDER";

    /** An order as a decision left it: what its event tells. */
    private record Settled(String orderId, String customerId, long totalCents, String currency) {}

    private final JdbcClient jdbc;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    OrderBranch(JdbcClient jdbc, Clock clock, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.events = events;
    }

    @Override
    public Class<OrderPayload> payloadType() {
        return OrderPayload.class;
    }

    @Override
    public Vote prepare(String txId, OrderPayload payload) {
        if (!payload.isComplete()) {
            return Vote.no(INVALID_ORDER);
        }
        var orderId = UUID.fromString(payload.orderId());
        var now = OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
        var written = jdbc.sql("""
                        INSERT INTO orders (order_id, tx_id, customer_id, status, protocol, total_cents, currency,
                                            created_at, updated_at)
                        VALUES (:orderId, :txId, :customerId, 'PENDING', :protocol, :totalCents, :currency, :now, :now)
                        ON CONFLICT (order_id) DO NOTHING""")
                .param("orderId", orderId)
                .param("txId", txId)
                .param("customerId", payload.customerId())
                .param("protocol", payload.protocol())
                .param("totalCents", payload.totalCents())
                .param("currency", payload.currency())
                .param("now", now)
                .update();
        if (written == 0) {
            return voteOnExisting(orderId, txId);
        }
        var items = payload.items();
        jdbc.sql("""
                        INSERT INTO order_line (order_id, line_no, sku, name, quantity, unit_price_cents)
                        SELECT :orderId, line.line_no - 1, line.sku, line.name, line.quantity, line.unit_price_cents
                        FROM unnest(CAST(:skus AS text[]), CAST(:names AS text[]), CAST(:quantities AS int[]),
                                    CAST(:prices AS bigint[]))
                             WITH ORDINALITY AS line (sku, name, quantity, unit_price_cents, line_no)""")
                .param("orderId", orderId)
                .param("skus", items.stream().map(item -> item.sku()).toArray(String[]::new))
                .param("names", items.stream().map(item -> item.name()).toArray(String[]::new))
                .param("quantities", items.stream().map(item -> item.quantity()).toArray(Integer[]::new))
                .param(
                        "prices",
                        items.stream().map(item -> item.unitPriceCents()).toArray(Long[]::new))
                .update();
        publish(
                OrderEvent.PLACED,
                txId,
                new Settled(payload.orderId(), payload.customerId(), payload.totalCents(), payload.currency()),
                OrderStatus.PENDING,
                null);
        return Vote.yes();
    }

    @Override
    public void commit(String txId) {
        publish(OrderEvent.CONFIRMED, txId, settle(txId, OrderStatus.CONFIRMED, null), OrderStatus.CONFIRMED, null);
    }

    @Override
    public void abort(String txId, String reason) {
        publish(OrderEvent.REJECTED, txId, settle(txId, OrderStatus.REJECTED, reason), OrderStatus.REJECTED, reason);
    }

    /** A row this service wrote for a client before the PREPARE came (3PC: see UnpreparedOrders) is adopted. */
    private Vote voteOnExisting(UUID orderId, String txId) {
        record Existing(String txId, OrderStatus status) {}
        var existing = jdbc.sql("SELECT tx_id, status FROM orders WHERE order_id = :orderId")
                .param("orderId", orderId)
                .query((row, number) ->
                        new Existing(row.getString("tx_id"), OrderStatus.valueOf(row.getString("status"))))
                .single();
        if (!existing.txId().equals(txId)) {
            return Vote.no(DUPLICATE_ORDER);
        }
        return existing.status() == OrderStatus.PENDING ? Vote.yes() : Vote.no(Reasons.ALREADY_ABORTED);
    }

    private Settled settle(String txId, OrderStatus outcome, String reason) {
        return jdbc.sql("""
                        UPDATE orders SET status = :status, reason = :reason, updated_at = :now
                        WHERE tx_id = :txId AND status = 'PENDING'
                        RETURNING order_id, customer_id, total_cents, currency""")
                .param("status", outcome.name())
                .param("reason", reason)
                .param("now", OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC))
                .param("txId", txId)
                .query((row, number) -> new Settled(
                        row.getString("order_id"),
                        row.getString("customer_id"),
                        row.getLong("total_cents"),
                        row.getString("currency")))
                .optional()
                // the participant machine asks for phase two's work only after a YES vote, which wrote the order
                .orElseThrow(() -> new IllegalStateException("no order PENDING in transaction " + txId));
    }

    private void publish(String type, String txId, Settled order, OrderStatus status, String reason) {
        events.publishEvent(new OrderEvent(
                SuiteEvent.newEventId(),
                type,
                order.orderId(),
                txId,
                order.customerId(),
                status,
                order.totalCents(),
                order.currency(),
                reason,
                clock.instant()));
    }
}
