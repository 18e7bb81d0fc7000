-- Three-phase commit: the protocol a branch runs, the participants CAN-COMMIT listed (whom the termination
-- protocol asks when the coordinator is lost) and the deadline of the branch's timer. The deadline lives in
-- the row so that a restarted service finds its timers where it left them.
alter table participant_log
    add column protocol     text        not null default '2PC' check (protocol in ('2PC', '3PC')),
    -- [{"name":"order","url":"http://localhost:8081"},...], in the order CAN-COMMIT listed them
    add column participants jsonb       not null default '[]',
    add column deadline     timestamptz null;

alter table participant_log drop constraint participant_log_state_check;
alter table participant_log add constraint participant_log_state_check
    check (state in ('PREPARED', 'PRE_COMMITTED', 'COMMITTED', 'ABORTED'));

-- branches left in doubt before this version get a timer that expires at once: they ask the coordinator
update participant_log set deadline = now() where state = 'PREPARED';

create index participant_log_deadline on participant_log (deadline) where state in ('PREPARED', 'PRE_COMMITTED');
