package dev.txsuite.order.order;

import dev.txsuite.protocol.Protocol;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How orders are placed.
 *
 * @param defaultProtocol the protocol of an order that names none ("2PC" or "3PC")
 * @param voteTimeout how long the coordinator waits for the votes
 * @param requestDeadline how long {@code POST /api/orders} waits for the outcome before answering 202
 * @param idempotencyWait how long a request waits for an earlier one with the same Idempotency-Key
 * @param lookupCacheTtl how long a product or a customer's account read from inventory- or payment-service is used
 *     without asking again (a price change published on inventory.events, or a participant's NO vote that says it
 *     changed, removes it sooner)
 * @param admission how many orders are let in at once ({@link OrderAdmission})
 */
@ConfigurationProperties("txsuite.orders")
public record OrderProperties(
        @DefaultValue("2PC") String defaultProtocol,
        @DefaultValue("3000ms") Duration voteTimeout,
        @DefaultValue("8s") Duration requestDeadline,
        @DefaultValue("2s") Duration idempotencyWait,
        @DefaultValue("5m") Duration lookupCacheTtl,
        @DefaultValue Admission admission) {

    public OrderProperties {
        Protocol.fromLabel(defaultProtocol);
        if (requestDeadline.compareTo(voteTimeout) <= 0) {
            throw new IllegalArgumentException("txsuite.orders.request-deadline (" + requestDeadline
                    + ") must be longer than txsuite.orders.vote-timeout (" + voteTimeout
                    + "), or every order would end as 202 before its votes are counted");
        }
    }

    public Protocol protocolByDefault() {
        return Protocol.fromLabel(defaultProtocol);
    }

    /**
     * The adaptive limit of orders in flight.
     *
     * @param initialLimit the limit at start
     * @param minLimit the limit never goes below it
     * @param maxLimit the limit never goes above it; at most 150 of Tomcat's 200 request threads, so that the
     *     coordinator's messages to the order branch always find one
     * @param latencyTarget an order answered slower than this lowers the limit
     */
    public record Admission(
            @DefaultValue("100") int initialLimit,
            @DefaultValue("10") int minLimit,
            @DefaultValue("100") int maxLimit,
            @DefaultValue("500ms") Duration latencyTarget) {

        public Admission {
            if (minLimit < 1 || minLimit > initialLimit || initialLimit > maxLimit || maxLimit > 150) {
                throw new IllegalArgumentException("txsuite.orders.admission needs 1 <= min-limit (" + minLimit
                        + ") <= initial-limit (" + initialLimit + ") <= max-limit (" + maxLimit + ") <= 150: the"
                        + " coordinator's messages to the order branch need some of Tomcat's 200 request threads");
            }
        }
    }
}
