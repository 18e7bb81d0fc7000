-- The operators' view of the log (issue 6).

-- The order a transaction is for, when its initiator said (order-service does). Operators search by it, exactly or
-- by a prefix: a pattern index serves both, whatever the database's collation.
ALTER TABLE transactions
    ADD COLUMN order_id        varchar(128),
    -- an operator marked the transaction dealt with: a phase two that could not finish, or a split outcome (3PC)
    ADD COLUMN resolved_by     text,
    ADD COLUMN resolved_at     timestamptz,
    ADD COLUMN resolution_note text;

CREATE INDEX transactions_order_id_idx ON transactions (order_id varchar_pattern_ops) WHERE order_id IS NOT NULL;
CREATE INDEX transactions_tx_id_prefix_idx ON transactions (tx_id varchar_pattern_ops);

-- The statistics of the last minute read the transactions that ended in it.
CREATE INDEX transactions_ended_idx ON transactions (ended_at) WHERE ended_at IS NOT NULL;

-- One row for every TransactionEvent the coordinator publishes, written in the same local transaction as the event
-- (and so as the change it describes): the history GET /api/transactions/{txId} shows. No foreign key: a key check
-- would lock the transaction's row once more on every write of the hot path.
CREATE TABLE tx_timeline (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    tx_id       varchar(128) NOT NULL,
    time        timestamptz  NOT NULL,
    type        varchar(32)  NOT NULL,
    participant varchar(64),
    detail      text
);

CREATE INDEX tx_timeline_tx_idx ON tx_timeline (tx_id, time, id);

-- Every operator action, accepted or refused, with who asked and why it was refused.
CREATE TABLE operator_actions (
    id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    tx_id          varchar(128) NOT NULL,
    action         varchar(16)  NOT NULL CHECK (action IN ('ABORT', 'RETRY', 'RESOLVE')),
    operator       text         NOT NULL,
    note           text,
    outcome        varchar(8)   NOT NULL CHECK (outcome IN ('ACCEPTED', 'REFUSED')),
    refusal_reason varchar(32),
    at             timestamptz  NOT NULL DEFAULT now(),
    CHECK ((outcome = 'REFUSED') = (refusal_reason IS NOT NULL))
);

CREATE INDEX operator_actions_tx_idx ON operator_actions (tx_id, at);
