package dev.txsuite.order.idempotency;

import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;
import org.springframework.transaction.annotation.Transactional;

interface IdempotencyKeyRepository extends JpaRepository<IdempotencyKey, String> {

    /** @return 1 when this call claimed the key, 0 when another request holds it */
    @Transactional
    @Modifying
    @Query(value = """
            insert into idempotency_key (key, request_hash, order_id, created_at)
            values (:key, :requestHash, :orderId, now())
            on conflict (key) do nothing
            """, nativeQuery = true)
    int claim(@Param("key") String key, @Param("requestHash") String requestHash, @Param("orderId") UUID orderId);

    @Transactional
    @Modifying
    @Query("""
            update IdempotencyKey k set k.responseStatus = :status, k.responseBody = :body, k.location = :location
            where k.idempotencyKey = :key and k.responseStatus is null
            """)
    int keep(
            @Param("key") String key,
            @Param("status") int status,
            @Param("body") String body,
            @Param("location") String location);

    @Transactional
    @Modifying
    @Query("delete from IdempotencyKey k where k.idempotencyKey = :key and k.responseStatus is null")
    int release(@Param("key") String key);
}
