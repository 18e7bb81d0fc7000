-- A transaction costs the log three writes (its record, its decision, its end): votes and acknowledgements are
-- written with the decision and the end, each branch keeping when it was first written. A transaction's timeline is
-- read from these columns and the transaction's own timestamps; tx_timeline keeps only the lines nothing else
-- records (takeovers, failed deliveries, operator actions, conflicts).
ALTER TABLE branches
    ADD COLUMN voted_at         timestamptz,
    ADD COLUMN pre_committed_at timestamptz,
    ADD COLUMN acknowledged_at  timestamptz;

UPDATE branches b SET voted_at = t.time
FROM tx_timeline t
WHERE t.tx_id = b.tx_id AND t.participant = b.participant AND t.type = 'vote-received';

UPDATE branches b SET pre_committed_at = t.time
FROM tx_timeline t
WHERE t.tx_id = b.tx_id AND t.participant = b.participant AND t.type = 'branch-pre-committed';

UPDATE branches b SET acknowledged_at = t.time
FROM tx_timeline t
WHERE t.tx_id = b.tx_id AND t.participant = b.participant AND t.type = 'branch-acknowledged';

DELETE FROM tx_timeline
WHERE type IN ('begun', 'vote-received', 'pre-committed', 'branch-pre-committed', 'decided', 'branch-acknowledged',
               'completed');
