package dev.txsuite.baseline.account;

import dev.txsuite.baseline.BaselineServiceTest;
import dev.txsuite.testing.AccountApiContract;

/** The accounts read as payment-service's, with the same demo customers, so the load tests run unchanged. */
@BaselineServiceTest
class AccountApiTests extends AccountApiContract {}
