package dev.txsuite.inventory;

import dev.txsuite.testing.ProbesContract;

@InventoryServiceTest
class ProbesTests extends ProbesContract {}
