package dev.txsuite.payment;

import dev.txsuite.testing.ProbesContract;

@PaymentServiceTest
class ProbesTests extends ProbesContract {}
