-- The participant that began a transaction having prepared its own branch (order-service under 2PC): its vote is
-- YES from the record on, it gets no PREPARE, and the answer to its begin carries the decision. Null when every
-- participant gets PREPARE.
ALTER TABLE transactions ADD COLUMN initiator varchar(64);
