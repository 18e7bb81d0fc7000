package dev.txsuite.coordinator.run;

import dev.txsuite.coordinator.log.TransactionLeases;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Keeps this instance's unfinished transactions its own: while it renews their leases, no other instance takes
 * them over. An instance that stops renewing (crashed, paused, cut off from the database) loses them once the
 * lease runs out.
 */
@Component
class RenewLeases {

    private final TransactionLeases leases;

    RenewLeases(TransactionLeases leases) {
        this.leases = leases;
    }

    @Scheduled(fixedRateString = "${txsuite.coordinator.lease-renewal:1s}")
    void renew() {
        leases.renew();
    }
}
