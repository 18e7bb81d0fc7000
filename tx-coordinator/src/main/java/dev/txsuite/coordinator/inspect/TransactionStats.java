package dev.txsuite.coordinator.inspect;

import java.util.Map;

/**
 * The answer of {@code GET /api/transactions/stats}, and the data of the stream's {@code stats} events:
 * {@code {"windowSeconds":60,"protocols":{"2PC":{...},"3PC":{...},"all":{...}},"inFlight","inDoubt"}}. The
 * protocols' figures are over the transactions that ended in the last {@code windowSeconds}; {@code inFlight} and
 * {@code inDoubt} count the unfinished transactions now, of every coordinator instance.
 */
public record TransactionStats(int windowSeconds, Map<String, ProtocolStats> protocols, long inFlight, long inDoubt) {

    /**
     * {@code completed} ended, of which {@code committed} and {@code aborted}; the ratios are null, and so are the
     * latency percentiles (from the record to the end), when none completed.
     */
    public record ProtocolStats(
            long completed,
            long committed,
            long aborted,
            double throughputPerSecond,
            Double commitRatio,
            Double abortRatio,
            Long p50Millis,
            Long p99Millis) {}
}
