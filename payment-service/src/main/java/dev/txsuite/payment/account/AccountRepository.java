package dev.txsuite.payment.account;

import org.springframework.data.jpa.repository.JpaRepository;

/** The accounts as the account API reads them; the participant changes them with plain SQL ({@link PaymentParticipant}). */
public interface AccountRepository extends JpaRepository<Account, String> {}
