package dev.txsuite.inventory.stock;

import java.util.Collection;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface ProductRepository extends JpaRepository<Product, String> {

    /**
     * Locks the products (SELECT ... FOR UPDATE) until the local transaction ends, always in sku order so that two
     * transactions touching the same skus can never deadlock.
     *
     * <p>Native SQL on purpose: Hibernate caches no plan for a JPQL query with both a lock mode and a list
     * parameter, and translated this one again at every PREPARE and COMMIT (a fifth of inventory's CPU under load,
     * docs/benchmarks.md, "Where the time goes"). The products come back as managed entities all the same.
     */
    @Query(value = "SELECT * FROM product WHERE sku IN (:skus) ORDER BY sku FOR UPDATE", nativeQuery = true)
    List<Product> lockAllBySkuIn(Collection<String> skus);
}
