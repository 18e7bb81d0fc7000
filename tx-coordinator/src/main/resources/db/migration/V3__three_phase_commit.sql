-- Three-phase commit. A 3PC transaction whose votes were all YES is PRE_COMMITTING: PRE-COMMIT is force-written
-- (pre_committed_at) before the first PRE-COMMIT message, and it is still undecided: a recovery that finds a
-- participant aborted by the termination protocol aborts it. branches.pre_committed records the acknowledgements
-- of PRE-COMMIT; branches.conflict the final state a participant reported against the decision (3PC's split
-- outcome under a network partition), which also counts as its acknowledgement.

ALTER TABLE transactions DROP CONSTRAINT transactions_state_check;
ALTER TABLE transactions DROP CONSTRAINT transactions_check;

ALTER TABLE transactions
    ADD COLUMN pre_committed_at timestamptz,
    ADD CONSTRAINT transactions_state_check
        CHECK (state IN ('PREPARING', 'PRE_COMMITTING', 'COMMITTING', 'ABORTING', 'COMMITTED', 'ABORTED')),
    ADD CONSTRAINT transactions_undecided_check
        CHECK ((state IN ('PREPARING', 'PRE_COMMITTING')) = (decision IS NULL));

ALTER TABLE branches
    ADD COLUMN pre_committed boolean     NOT NULL DEFAULT false,
    ADD COLUMN conflict      varchar(16) CHECK (conflict IN ('COMMITTED', 'ABORTED'));

DROP INDEX transactions_unfinished_idx;
CREATE INDEX transactions_unfinished_idx ON transactions (created_at)
    WHERE state IN ('PREPARING', 'PRE_COMMITTING', 'COMMITTING', 'ABORTING');
