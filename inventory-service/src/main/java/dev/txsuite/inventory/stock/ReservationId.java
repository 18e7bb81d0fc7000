package dev.txsuite.inventory.stock;

import jakarta.persistence.Embeddable;
import java.io.Serializable;

@Embeddable
public record ReservationId(String txId, String sku) implements Serializable {}
