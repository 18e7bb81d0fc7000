package dev.txsuite.order.idempotency;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * A client's Idempotency-Key: the request it was first used with (by hash), the order that request places and,
 * once given, the answer. Claimed by inserting the row, so that of two racing requests only one proceeds.
 */
@Entity
@Table(name = "idempotency_key")
public class IdempotencyKey {

    @Id
    @Column(name = "key")
    private String idempotencyKey;

    @Column(name = "request_hash", nullable = false)
    private String requestHash;

    @Column(name = "order_id", nullable = false)
    private UUID orderId;

    @Column(name = "response_status")
    private Integer responseStatus;

    @Column(name = "response_body")
    private String responseBody;

    private String location;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected IdempotencyKey() {}

    public String requestHash() {
        return requestHash;
    }

    public UUID orderId() {
        return orderId;
    }

    /** Empty while the first request is still running. */
    public Optional<KeptAnswer> answer() {
        return responseStatus == null
                ? Optional.empty()
                : Optional.of(new KeptAnswer(responseStatus, responseBody, location));
    }
}
