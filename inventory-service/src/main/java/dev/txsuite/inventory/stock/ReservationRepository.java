package dev.txsuite.inventory.stock;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface ReservationRepository extends JpaRepository<Reservation, ReservationId> {

    List<Reservation> findByIdTxIdOrderByIdSku(String txId);
}
