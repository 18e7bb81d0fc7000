package dev.txsuite.protocol;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.Random;
import org.junit.jupiter.api.Test;

class TxProtocolArchitectureTests {

    private static final String PROTOCOL = "dev.txsuite.protocol..";

    private static final ArchRule NO_IO_FRAMEWORK_THREADS_CLOCK_OR_RANDOMNESS = noClasses()
            .that()
            .resideInAPackage(PROTOCOL)
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                    "org.springframework..",
                    "java.io..",
                    "java.net..",
                    "java.nio..",
                    "java.sql..",
                    "java.util.concurrent..")
            .orShould()
            .dependOnClassesThat()
            .belongToAnyOf(
                    Thread.class,
                    Clock.class,
                    Instant.class,
                    LocalDateTime.class,
                    OffsetDateTime.class,
                    ZonedDateTime.class,
                    Random.class)
            .because("the state machines must stay pure and deterministic, (state, input) -> (state, outputs):"
                    + " the services own the network, the database, the threads and the clock, and time enters"
                    + " only as a Timeout input, so that a schedule replays exactly from its inputs and tests can"
                    + " explore thousands of them");

    private static final ArchRule NO_CLOCK_READS = noClasses()
            .that()
            .resideInAPackage(PROTOCOL)
            .should()
            .callMethod(System.class, "currentTimeMillis")
            .orShould()
            .callMethod(System.class, "nanoTime")
            .because("reading the clock would make a transition depend on when it runs rather than on its inputs;"
                    + " deadlines are the caller's timers, delivered as Timeout and Retry inputs");

    private static final JavaClasses PROTOCOL_CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.txsuite.protocol");

    @Test
    void shouldKeepTheStateMachinesFreeOfIoFrameworksThreadsClocksAndRandomness() {
        NO_IO_FRAMEWORK_THREADS_CLOCK_OR_RANDOMNESS.check(PROTOCOL_CLASSES);
    }

    @Test
    void shouldNeverReadTheClock() {
        NO_CLOCK_READS.check(PROTOCOL_CLASSES);
    }

    @Test
    void shouldCatchAProtocolClassThatReadsTheClock() {
        var offender = new ClassFileImporter().importClasses(ReadsTheClock.class);

        assertThatThrownBy(() -> NO_CLOCK_READS.check(offender)).isInstanceOf(AssertionError.class);
        assertThatThrownBy(() -> NO_IO_FRAMEWORK_THREADS_CLOCK_OR_RANDOMNESS.check(offender))
                .isInstanceOf(AssertionError.class);
    }

    /** What the rules exist to stop, so that a rule that silently matches nothing would fail this test. */
    private static final class ReadsTheClock {

        long deadline() {
            return System.currentTimeMillis() + Instant.now().getNano();
        }
    }
}
