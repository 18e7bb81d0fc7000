-- The coordinator's log. A transaction and its branches are recorded before the first PREPARE; a COMMIT
-- decision is force-written before the first COMMIT message. Presumed abort: a transaction the log does not
-- show as decided is aborted by recovery.

CREATE TABLE transactions (
    tx_id          varchar(128) PRIMARY KEY,
    protocol       varchar(8)   NOT NULL CHECK (protocol IN ('2PC', '3PC')),
    state          varchar(16)  NOT NULL
        CHECK (state IN ('PREPARING', 'COMMITTING', 'ABORTING', 'COMMITTED', 'ABORTED')),
    decision       varchar(8)   CHECK (decision IN ('COMMIT', 'ABORT')),
    reason         varchar(128),
    owner          varchar(255) NOT NULL,
    epoch          bigint       NOT NULL DEFAULT 1,
    timeout_millis bigint       NOT NULL CHECK (timeout_millis > 0),
    created_at     timestamptz  NOT NULL DEFAULT now(),
    decided_at     timestamptz,
    ended_at       timestamptz,
    updated_at     timestamptz  NOT NULL DEFAULT now(),
    CHECK ((state = 'PREPARING') = (decision IS NULL))
);

-- Recovery, the phase-two retry job and the in-flight list read only unfinished transactions, a small and
-- hot part of the table.
CREATE INDEX transactions_unfinished_idx ON transactions (created_at)
    WHERE state IN ('PREPARING', 'COMMITTING', 'ABORTING');

-- Listing a finished state, newest first.
CREATE INDEX transactions_state_created_idx ON transactions (state, created_at);

CREATE TABLE branches (
    tx_id        varchar(128) NOT NULL REFERENCES transactions (tx_id) ON DELETE CASCADE,
    participant  varchar(64)  NOT NULL,
    -- the order the caller listed the branches in, which is the order PREPARE goes out in
    position     smallint     NOT NULL,
    payload      jsonb        NOT NULL,
    vote         varchar(3)   CHECK (vote IN ('YES', 'NO')),
    vote_reason  varchar(128),
    acknowledged boolean      NOT NULL DEFAULT false,
    updated_at   timestamptz  NOT NULL DEFAULT now(),
    PRIMARY KEY (tx_id, participant)
);
