-- An operator's deposit (POST /api/accounts/{customerId}/deposits): the money it added, kept so that the money
-- invariant counts it (balance + captured - deposited stays constant) and so that a call repeated with the same
-- Idempotency-Key (the deposit_id) answers the first one again and adds nothing.
create table deposit (
    deposit_id     text primary key,
    customer_id    text        not null references account (customer_id),
    amount_cents   bigint      not null check (amount_cents > 0),
    currency       char(3)     not null,
    balance_after  bigint      not null,
    held_after     bigint      not null,
    created_at     timestamptz not null
);

create index deposit_customer on deposit (customer_id);
