package dev.txsuite.events;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The table the outbox keeps its events in until they are on Kafka, in the service's own database: created here if
 * it is missing (after the service's Flyway migrations, so that no service has to copy the library's schema). The
 * table is the relay's queue: a row is inserted with the change it describes and deleted once Kafka has it.
 */
final class OutboxTable {

    static final String NAME = "outbox_event";

    OutboxTable(JdbcClient jdbc) {
        jdbc.sql("""
                        CREATE TABLE IF NOT EXISTS outbox_event (
                            id       bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                            topic    text        NOT NULL,
                            key      text,
                            event_id text        NOT NULL,
                            type     text        NOT NULL,
                            subject  text,
                            time     timestamptz NOT NULL,
                            body     text        NOT NULL
                        )""").update();
    }
}
