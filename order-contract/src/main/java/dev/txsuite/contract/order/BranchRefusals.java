package dev.txsuite.contract.order;

/**
 * Why inventory and payment vote NO on an order's transaction: the reason of the NO vote, of the ABORT decision, of
 * the rejected order and of its {@code 409} (or {@code 422}) answer. order-service prices an order from what it read
 * and kept of the catalog and the accounts; the participants check it against what they hold now.
 */
public final class BranchRefusals {

    /** A line wants more units than are available. */
    public static final String OUT_OF_STOCK = "OUT_OF_STOCK";

    /** A line's sku is not in the catalog (any more). */
    public static final String UNKNOWN_SKU = "UNKNOWN_SKU";

    /** A line's unit price is not the product's price any more. */
    public static final String PRICE_CHANGED = "PRICE_CHANGED";

    /** The account cannot hold the order's total. */
    public static final String INSUFFICIENT_FUNDS = "INSUFFICIENT_FUNDS";

    /** The customer has no account (any more). */
    public static final String UNKNOWN_CUSTOMER = "UNKNOWN_CUSTOMER";

    /** The order's currency is not the account's. */
    public static final String CURRENCY_MISMATCH = "CURRENCY_MISMATCH";

    private BranchRefusals() {}
}
