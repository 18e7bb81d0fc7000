package dev.txsuite.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class BenchmarkStepTests {

    @Test
    void shouldTakeTheProtocolsOfTheSuiteAndOfTheBaselineInAnyCase() {
        assertThat(BenchmarkStep.protocol("2pc")).isEqualTo("2PC");
        assertThat(BenchmarkStep.protocol(" 3PC ")).isEqualTo("3PC");
        assertThat(BenchmarkStep.protocol("local")).isEqualTo("LOCAL");
    }

    @Test
    void shouldRefuseAProtocolNoSystemAnswers() {
        assertThatThrownBy(() -> BenchmarkStep.protocol("4PC"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("load.protocol takes one of [2PC, 3PC, LOCAL], not '4PC'");
    }
}
