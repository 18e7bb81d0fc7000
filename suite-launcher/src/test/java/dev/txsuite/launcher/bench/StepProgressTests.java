package dev.txsuite.launcher.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.txsuite.launcher.load.GatlingConsole;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class StepProgressTests {

    @Test
    void shouldSayHowFarTheStepIsEachTimeGatlingReportsItsProgress() {
        var progress = new StepProgress();

        var lines = GatlingConsole.lines("steady-with-kos.txt").stream()
                .map(progress::read)
                .flatMap(Optional::stream)
                .toList();

        assertThat(lines)
                .containsExactly(
                        "5 s, 0 answers, 0 confirmed (0.0/s so far)",
                        "9 s, 10 answers, 9 confirmed (1.0/s so far)",
                        "14 s, 26 answers, 21 confirmed (1.5/s so far)",
                        "20 s, 39 answers, 31 confirmed (1.6/s so far)",
                        "20 s, 45 answers, 36 confirmed (1.8/s so far)");
    }
}
