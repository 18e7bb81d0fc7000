package dev.txsuite.payment.account;

import dev.txsuite.payment.PaymentServiceTest;
import dev.txsuite.testing.AccountApiContract;

@PaymentServiceTest
class AccountApiTests extends AccountApiContract {}
