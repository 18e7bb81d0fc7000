package dev.txsuite.endtoend;

/** The five services of the suite, by the module that builds each and the database it owns. */
enum SuiteService {
    ORDER("order-service", "orders"),
    INVENTORY("inventory-service", "inventory"),
    PAYMENT("payment-service", "payments"),
    COORDINATOR("tx-coordinator", "coordinator"),
    GATEWAY("api-gateway", null);

    private final String module;
    private final String databasePrefix;

    SuiteService(String module, String databasePrefix) {
        this.module = module;
        this.databasePrefix = databasePrefix;
    }

    String module() {
        return module;
    }

    boolean ownsDatabase() {
        return databasePrefix != null;
    }

    String databasePrefix() {
        return databasePrefix;
    }
}
