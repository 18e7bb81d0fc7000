package dev.txsuite.inventory.stock;

import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import java.time.Instant;
import org.hibernate.annotations.CreationTimestamp;
import org.hibernate.annotations.UpdateTimestamp;

/** The units of one sku a transaction reserved when it prepared. */
@Entity
public class Reservation {

    @EmbeddedId
    private ReservationId id;

    private String orderId;

    private int quantity;

    @Enumerated(EnumType.STRING)
    private ReservationState state;

    @CreationTimestamp
    private Instant createdAt;

    @UpdateTimestamp
    private Instant updatedAt;

    protected Reservation() {}

    Reservation(String txId, String sku, String orderId, int quantity) {
        this.id = new ReservationId(txId, sku);
        this.orderId = orderId;
        this.quantity = quantity;
        this.state = ReservationState.RESERVED;
    }

    void take(Product product) {
        requireReserved();
        product.take(quantity);
        state = ReservationState.TAKEN;
    }

    void release(Product product) {
        requireReserved();
        product.release(quantity);
        state = ReservationState.RELEASED;
    }

    private void requireReserved() {
        if (state != ReservationState.RESERVED) {
            throw new IllegalStateException("reservation " + id + " is already " + state);
        }
    }

    public String sku() {
        return id.sku();
    }

    public String txId() {
        return id.txId();
    }

    public String orderId() {
        return orderId;
    }

    public ReservationState state() {
        return state;
    }

    public int quantity() {
        return quantity;
    }
}
