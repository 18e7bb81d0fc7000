-- The business side of the test participant: one row per prepared branch, so tests can see whether its work
-- was made final or undone.
create table counted_work (
    tx_id  text primary key,
    units  int  not null,
    state  text not null check (state in ('PREPARED', 'COMMITTED', 'ABORTED')),
    reason text null
);
