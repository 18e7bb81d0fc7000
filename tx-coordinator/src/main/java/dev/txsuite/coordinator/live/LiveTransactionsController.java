package dev.txsuite.coordinator.live;

import java.time.Clock;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The live view for dashboards: what every coordinator instance is doing, from {@code tx.events}. */
@RestController
class LiveTransactionsController {

    private final TransactionsLiveView view;
    private final Clock clock;

    LiveTransactionsController(TransactionsLiveView view, Clock clock) {
        this.view = view;
        this.clock = clock;
    }

    @GetMapping("/api/transactions/live")
    LiveTransactions live() {
        return view.snapshot(clock.instant());
    }
}
