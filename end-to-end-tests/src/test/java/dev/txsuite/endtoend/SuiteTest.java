package dev.txsuite.endtoend;

import dev.txsuite.testing.TopicRecorder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;

/**
 * A test class that runs against one whole suite of its own: started before its first test, stopped after its
 * last, with a client through the gateway, the invariant checker on the four databases (and the snapshot they
 * are checked against) and a recorder of {@code tx.events}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class SuiteTest {

    EndToEndSuite suite;
    GatewayClient gateway;
    InvariantChecker databases;
    InvariantChecker.Snapshot start;
    TopicRecorder txEvents;

    /** Starts the suite this class runs against. */
    abstract EndToEndSuite startSuite();

    @BeforeAll
    void startTheSuite() {
        suite = startSuite();
        gateway = new GatewayClient(suite.gatewayUri());
        databases = new InvariantChecker(suite);
        start = databases.snapshot();
        txEvents = TopicRecorder.recording("tx.events", suite.kafkaBootstrapServers());
    }

    @AfterAll
    void stopTheSuite() {
        if (txEvents != null) {
            txEvents.close();
        }
        if (suite != null) {
            suite.close();
        }
    }
}
