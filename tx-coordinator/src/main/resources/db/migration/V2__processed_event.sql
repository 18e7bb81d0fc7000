-- The event ids each consumer of this service has handled (dev.txsuite.events.ProcessedEvents), so a
-- redelivered event changes nothing. The live view of tx.events lives in memory and remembers its event ids
-- there; this table is for consumers whose effects are stored in this database.
CREATE TABLE processed_event (
    consumer     text        NOT NULL,
    event_id     text        NOT NULL,
    processed_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (consumer, event_id)
);
