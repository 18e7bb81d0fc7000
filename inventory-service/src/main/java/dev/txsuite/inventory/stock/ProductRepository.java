package dev.txsuite.inventory.stock;

import jakarta.persistence.LockModeType;
import java.util.Collection;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

public interface ProductRepository extends JpaRepository<Product, String> {

    /**
     * Locks the products (SELECT ... FOR UPDATE) until the local transaction ends, always in sku order so that two
     * transactions touching the same skus can never deadlock.
     */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select p from Product p where p.sku in :skus order by p.sku")
    List<Product> lockAllBySkuIn(Collection<String> skus);
}
