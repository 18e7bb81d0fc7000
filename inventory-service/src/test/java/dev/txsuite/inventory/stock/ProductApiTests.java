package dev.txsuite.inventory.stock;

import dev.txsuite.inventory.InventoryServiceTest;
import dev.txsuite.testing.ProductApiContract;

@InventoryServiceTest
class ProductApiTests extends ProductApiContract {}
