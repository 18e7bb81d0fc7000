package dev.txsuite.coordinator;

import dev.txsuite.events.Topics;
import dev.txsuite.testing.RecordedEvent;
import dev.txsuite.testing.TopicRecorder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A coordinator test that reads what the coordinator published on {@code tx.events}. */
public abstract class TxEventsRecordingTest extends CoordinatorIntegrationTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    protected TopicRecorder txEvents;

    @BeforeEach
    void recordTxEvents() {
        txEvents = TopicRecorder.recording(Topics.TX_EVENTS);
    }

    @AfterEach
    void stopRecording() {
        txEvents.close();
    }

    protected static JsonNode body(RecordedEvent event) {
        return JSON.readTree(event.value());
    }
}
