package dev.txsuite.baseline.stock;

import dev.txsuite.baseline.BaselineServiceTest;
import dev.txsuite.testing.ProductApiContract;

/** The catalog reads as inventory-service's, with the same demo products, so the load tests run unchanged. */
@BaselineServiceTest
class ProductApiTests extends ProductApiContract {}
