package dev.txsuite.coordinator.live;

import dev.txsuite.coordinator.log.TransactionEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Feeds the votes and acknowledgements this instance's runs receive into the {@link TransactionsLiveView} as they
 * arrive: they never go to {@code tx.events}, which carries the transaction-level facts (those reach the view from
 * there, from every instance). Published outside any database transaction, so there is no commit to wait for.
 */
@Component
class FollowRunProgress {

    private final TransactionsLiveView view;
    private final JsonMapper json;

    FollowRunProgress(TransactionsLiveView view, JsonMapper json) {
        this.view = view;
        this.json = json;
    }

    @EventListener
    void on(TransactionEvent event) {
        if (event instanceof TransactionEvent.Published) {
            return;
        }
        view.apply(
                new ReceivedEvent(event.eventId(), event.type(), event.txId(), event.time(), json.valueToTree(event)));
    }
}
