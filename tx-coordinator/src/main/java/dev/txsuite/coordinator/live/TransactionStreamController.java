package dev.txsuite.coordinator.live;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/** The live stream for dashboards ({@link TransactionStream}). */
@RestController
class TransactionStreamController {

    private final TransactionStream stream;

    TransactionStreamController(TransactionStream stream) {
        this.stream = stream;
    }

    @GetMapping(path = "/api/transactions/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    SseEmitter stream() {
        return stream.open();
    }
}
