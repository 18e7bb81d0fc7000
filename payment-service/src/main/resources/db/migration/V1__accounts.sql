create table account (
    customer_id   text primary key,
    name          text    not null,
    currency      char(3) not null,
    balance_cents bigint  not null check (balance_cents >= 0),
    held_cents    bigint  not null check (held_cents >= 0),
    constraint account_held_within_balance check (held_cents <= balance_cents)
);

-- The money a prepared transaction holds: HELD until the outcome is known, then CAPTURED (committed) or
-- RELEASED (aborted). Kept afterwards: it is what the money invariant is checked against.
create table payment_hold (
    tx_id        text primary key,
    order_id     text        not null,
    customer_id  text        not null references account (customer_id),
    amount_cents bigint      not null check (amount_cents > 0),
    currency     char(3)     not null,
    state        text        not null check (state in ('HELD', 'CAPTURED', 'RELEASED')),
    created_at   timestamptz not null,
    updated_at   timestamptz not null
);

create index payment_hold_customer on payment_hold (customer_id);
