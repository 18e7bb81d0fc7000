package dev.txsuite.contract.stock;

/** The body of {@code POST /api/products/{sku}/restocks} (admin only): {@code {"units": 500}}. */
public record RestockRequest(Long units) {

    /** Units one restock may add: far more than any run needs, far from the column's limit. */
    public static final long MAX_UNITS = 1_000_000_000L;
}
