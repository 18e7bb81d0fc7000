package dev.txsuite.launcher.bench;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * What the bench's processes and databases had done by one moment, read from outside them; every figure only grows,
 * so two readings give what happened in between ({@link OrderCost#between}).
 *
 * @param cpu CPU time used, per process ({@code postgres} for all of PostgreSQL's processes)
 * @param httpRequests requests served, per service, its actuator's left out
 * @param commits transactions committed, per database (named by the service that owns it), read-only ones included
 * @param statements SQL statements run, per database, BEGIN, COMMIT and ROLLBACK left out; empty when PostgreSQL
 *     does not load pg_stat_statements
 * @param walFlushes times the server flushed its write-ahead log to disk (every database together)
 * @param kafkaEvents records on every topic of the broker
 */
record Activity(
        Map<String, Duration> cpu,
        Map<String, Long> httpRequests,
        Map<String, Long> commits,
        Optional<Map<String, Long>> statements,
        OptionalLong walFlushes,
        OptionalLong kafkaEvents) {

    Activity {
        cpu = Map.copyOf(cpu);
        httpRequests = Map.copyOf(httpRequests);
        commits = Map.copyOf(commits);
        statements = statements.map(Map::copyOf);
    }
}
