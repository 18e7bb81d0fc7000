package dev.txsuite.launcher.verify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.txsuite.launcher.SuiteFailure;
import dev.txsuite.launcher.SuiteService;
import dev.txsuite.launcher.process.DatabaseLogin;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SuiteSnapshotTests {

    @TempDir
    Path home;

    @Test
    void shouldGiveVerifyBackWhatUpWroteButThePassword() throws Exception {
        var start = new Invariants.Snapshot(Map.of("MUG-CERAMIC", 50L), Map.of("alice", 100_000L));
        var logins = Map.of(
                SuiteService.ORDER, new DatabaseLogin("jdbc:postgresql://127.0.0.1:5432/orders", "postgres", "s3cret"),
                SuiteService.PAYMENT,
                        new DatabaseLogin("jdbc:postgresql://127.0.0.1:5432/payments", "postgres", "s3cret"));
        var file = SuiteSnapshot.fileFor(home, 8280);

        SuiteSnapshot.of(start, URI.create("http://localhost:8280"), "127.0.0.1:9292", logins)
                .write(file);
        var read = SuiteSnapshot.ofLocalSuite(home, URI.create("http://127.0.0.1:8280"));

        assertThat(Files.readString(file)).doesNotContain("s3cret");
        assertThat(read.start()).isEqualTo(start);
        assertThat(read.kafkaBootstrapServers()).isEqualTo("127.0.0.1:9292");
        assertThat(read.logins("from-PGPASSWORD"))
                .containsEntry(
                        SuiteService.PAYMENT,
                        new DatabaseLogin("jdbc:postgresql://127.0.0.1:5432/payments", "postgres", "from-PGPASSWORD"))
                .hasSize(2);
    }

    @Test
    void shouldSayWhatToDoWhenThereIsNoSnapshotOrTheSuiteIsElsewhere() {
        assertThatThrownBy(() -> SuiteSnapshot.ofLocalSuite(home, URI.create("http://localhost:8080")))
                .isInstanceOf(SuiteFailure.class)
                .hasMessageContaining("gateway-8080.json")
                .hasMessageContaining("./suite up");
        assertThatThrownBy(() -> SuiteSnapshot.ofLocalSuite(home, URI.create("http://shop.example.com:8080")))
                .isInstanceOf(SuiteFailure.class)
                .hasMessageContaining("not for http://shop.example.com:8080");
    }
}
