package dev.txsuite.payment.account;

import org.springframework.data.jpa.repository.JpaRepository;

public interface PaymentHoldRepository extends JpaRepository<PaymentHold, String> {}
