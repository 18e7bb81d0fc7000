package dev.txsuite.launcher.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class LoadSummaryTests {

    @Test
    void shouldReadTheNumbersOfTheWholeRunFromGatlingsLastTable() {
        var summary = LoadSummary.fromConsole(GatlingConsole.lines("steady-with-kos.txt"));

        assertThat(summary).contains(new LoadSummary(45, 36, 9, 2.14, 6992, 9132));
        assertThat(summary.orElseThrow().line())
                .isEqualTo("45 requests: 36 OK, 9 KO; 2.1 rps mean; p50 6992 ms, p99 9132 ms");
    }

    @Test
    void shouldCountAnEmptyColumnAsNone() {
        assertThat(LoadSummary.fromConsole(GatlingConsole.lines("nothing-answered.txt")))
                .contains(new LoadSummary(10, 0, 10, 2, 2, 8));
    }

    @Test
    void shouldHaveNoSummaryWhenGatlingPrintedNone() {
        var progressOnly = GatlingConsole.lines("steady-with-kos.txt").stream()
                .takeWhile(line -> !line.startsWith("Parsing log file"))
                .toList();

        assertThat(LoadSummary.fromConsole(progressOnly)).isEmpty();
        assertThat(LoadSummary.fromConsole(List.of("Exception in thread \"main\" java.lang.IllegalAccessException")))
                .isEmpty();
    }
}
