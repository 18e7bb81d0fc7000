package dev.txsuite.inventory.stock;

import org.springframework.data.jpa.repository.JpaRepository;

/** The catalog as the product API reads it; the participant changes stock with plain SQL ({@link StockParticipant}). */
public interface ProductRepository extends JpaRepository<Product, String> {}
