package dev.txsuite.launcher.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GatlingTablesTests {

    @Test
    void shouldReadEveryStatisticWithItsTotalOkAndKoColumns() {
        var tables = GatlingTables.fromConsole(GatlingConsole.lines("steady-with-kos.txt"))
                .orElseThrow();

        assertThat(tables.statistic("request count")).contains(List.of("45", "36", "9"));
        assertThat(tables.statistic("response time 95th percentile (ms)")).contains(List.of("8,637", "8,907", "8,637"));
        assertThat(tables.statistic("mean throughput (rps)")).contains(List.of("2.14", "1.71", "0.43"));
        assertThat(tables.statistic("OK: t < 800 ms")).isEmpty();
    }

    @Test
    void shouldCountTheKosOfEachMessageFromTheLastErrorsTableOnly() {
        var tables = GatlingTables.fromConsole(GatlingConsole.lines("steady-with-kos.txt"))
                .orElseThrow();

        assertThat(tables.errors()).containsExactly(Map.entry("status.find.in(201), found 202", 9L));
    }

    @Test
    void shouldReadEmptyColumnsAsNothing() {
        var tables = GatlingTables.fromConsole(GatlingConsole.lines("nothing-answered.txt"))
                .orElseThrow();

        assertThat(GatlingTables.count(
                        tables.statistic("request count").orElseThrow().get(1)))
                .isZero();
        assertThat(GatlingTables.rate(
                        tables.statistic("mean throughput (rps)").orElseThrow().get(1)))
                .isZero();
        assertThat(GatlingTables.count("5,608")).isEqualTo(5608);
        assertThat(tables.errors())
                .containsEntry(
                        "j.n.ConnectException: finishConnect(..) failed with error(-111): Connection refused", 10L);
    }

    @Test
    void shouldHaveNoTablesWhenGatlingPrintedNone() {
        assertThat(GatlingTables.fromConsole(List.of("Exception in thread \"main\" java.lang.IllegalAccessException")))
                .isEmpty();
    }
}
