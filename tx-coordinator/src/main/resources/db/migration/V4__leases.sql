-- Several coordinator instances share this log. A transaction is its owner's while its lease runs: the owner renews
-- the leases of its unfinished transactions, and once a lease expired another instance takes the transaction over
-- (owner = itself, epoch + 1, a fresh lease). Every write of a run is conditioned on the owner and epoch it holds,
-- and participants refuse messages of an older epoch, so the instance that lost a transaction cannot act on it.
-- Rows from before leases existed start expired: whichever instance looks first takes them over.
ALTER TABLE transactions ADD COLUMN lease_expires_at timestamptz NOT NULL DEFAULT now();

-- The takeover looks for unfinished transactions whose lease expired.
CREATE INDEX transactions_lease_idx ON transactions (lease_expires_at)
    WHERE state IN ('PREPARING', 'PRE_COMMITTING', 'COMMITTING', 'ABORTING');
