-- The events this service's consumers have handled, per consumer: a redelivered event finds its id here and
-- changes nothing (dev.txsuite.events.ProcessedEvents; the same table in every consuming service).
create table processed_event (
    consumer     text        not null,
    event_id     text        not null,
    processed_at timestamptz not null default now(),
    primary key (consumer, event_id)
);
