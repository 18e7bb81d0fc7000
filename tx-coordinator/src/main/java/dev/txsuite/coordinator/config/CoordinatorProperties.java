package dev.txsuite.coordinator.config;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code txsuite.coordinator.*}.
 *
 * @param instanceId recorded as the owner of the transactions this instance begins; hostname-pid when blank
 * @param participants the participants' base URLs, by the name callers use in a transaction's branches
 * @param answerGrace how long after a transaction's vote deadline {@code POST /tx/transactions} still waits for
 *     the outcome; also how long past its deadline a PREPARING transaction nobody runs is left before recovery
 *     aborts it, and a PRE_COMMITTING one (3PC) before recovery asks its participants how to settle it
 * @param connectTimeout connect timeout of the calls to the participants
 * @param readTimeout read timeout of the calls to the participants
 * @param lease how long a transaction stays this instance's without a renewal; once its lease expired, another
 *     instance takes it over with a higher epoch
 * @param leaseRenewal how often this instance renews the leases of its unfinished transactions, and looks for
 *     transactions whose lease expired to take over; several renewals fit in one lease, so that a slow one does
 *     not lose a live instance its transactions
 */
@ConfigurationProperties("txsuite.coordinator")
public record CoordinatorProperties(
        String instanceId,
        Map<String, Participant> participants,
        @DefaultValue("2s") Duration answerGrace,
        @DefaultValue("1s") Duration connectTimeout,
        @DefaultValue("3s") Duration readTimeout,
        @DefaultValue("5s") Duration lease,
        @DefaultValue("1s") Duration leaseRenewal) {

    public CoordinatorProperties {
        if (leaseRenewal.compareTo(lease) >= 0) {
            throw new IllegalArgumentException("txsuite.coordinator.lease-renewal (" + leaseRenewal
                    + ") must be shorter than the lease (" + lease + ")");
        }
        instanceId = instanceId == null || instanceId.isBlank() ? hostAndPid() : instanceId;
        participants = participants == null ? Map.of() : Map.copyOf(participants);
    }

    public record Participant(URI url) {}

    private static String hostAndPid() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            host = "coordinator";
        }
        return host + "-" + ProcessHandle.current().pid();
    }
}
