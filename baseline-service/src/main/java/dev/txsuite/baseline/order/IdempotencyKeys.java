package dev.txsuite.baseline.order;

import java.sql.Types;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** The Idempotency-Keys clients sent, each with the request it came with (by hash) and the answer it got. */
@Repository
class IdempotencyKeys {

    /** A key's first request, by its fingerprint, and the answer every repetition gets. */
    record Kept(String requestHash, OrderAnswer answer) {}

    private final JdbcClient jdbc;

    IdempotencyKeys(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Kept> find(String key) {
        return jdbc.sql("""
                        select request_hash, order_id, response_status, location, response_body
                        from idempotency_key where key = :key
                        """)
                .param("key", key)
                .query((row, rowNumber) -> new Kept(
                        row.getString("request_hash"),
                        new OrderAnswer(
                                row.getObject("order_id", UUID.class),
                                row.getInt("response_status"),
                                row.getString("location"),
                                row.getString("response_body"))))
                .optional();
    }

    /**
     * Keeps the answer in the order's own transaction. A request racing for the same key waits here until the
     * other's transaction ends.
     *
     * @return false when another request's answer was kept first: this transaction must roll back
     */
    @Transactional(propagation = Propagation.MANDATORY)
    boolean keep(String key, String requestHash, OrderAnswer answer) {
        return jdbc.sql("""
                                insert into idempotency_key (key, request_hash, order_id, response_status,
                                                             response_body, location, created_at)
                                values (:key, :requestHash, :orderId, :status, :body, :location, now())
                                on conflict (key) do nothing
                                """)
                        .param("key", key)
                        .param("requestHash", requestHash)
                        .param("orderId", answer.orderId())
                        .param("status", answer.status())
                        .param("body", answer.body())
                        .param("location", answer.location(), Types.VARCHAR)
                        .update()
                == 1;
    }
}
