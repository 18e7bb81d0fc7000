-- One row per transaction this participant has heard of: its vote and where its branch stands.
-- Written in the same local transaction as the business change it records.
create table participant_log (
    tx_id       text primary key,
    state       text        not null check (state in ('PREPARED', 'COMMITTED', 'ABORTED')),
    vote        text        null check (vote in ('YES', 'NO')),
    vote_reason text        null,
    reason      text        null,
    epoch       bigint      not null,
    created_at  timestamptz not null default now(),
    updated_at  timestamptz not null default now()
);

create index participant_log_state on participant_log (state);
