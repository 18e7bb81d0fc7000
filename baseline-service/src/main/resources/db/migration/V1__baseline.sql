-- The business tables of order-service, inventory-service and payment-service, in ONE database: the baseline
-- writes an order, takes its stock and captures its money in one local transaction. There is no tentative
-- state (no reservation or payment_hold rows, nothing PENDING): nothing waits for a vote. The outbox table
-- (outbox_event) is created by the event-outbox library itself, as in the services.

create table product (
    sku         text primary key,
    name        text    not null,
    price_cents bigint  not null check (price_cents >= 0),
    currency    char(3) not null,
    on_hand     integer not null check (on_hand >= 0),
    -- always 0 here; kept so that the products read exactly as inventory-service shows them
    reserved    integer not null check (reserved >= 0),
    constraint product_reserved_within_on_hand check (reserved <= on_hand)
);

create table account (
    customer_id   text primary key,
    name          text    not null,
    currency      char(3) not null,
    balance_cents bigint  not null check (balance_cents >= 0),
    -- always 0 here; kept so that the accounts read exactly as payment-service shows them
    held_cents    bigint  not null check (held_cents >= 0),
    constraint account_held_within_balance check (held_cents <= balance_cents)
);

-- tx_id is the PostgreSQL transaction that wrote the order (pg_current_xact_id()), the baseline's only one.
create table orders (
    order_id    uuid primary key,
    tx_id       text        not null unique,
    customer_id text        not null,
    status      text        not null check (status in ('CONFIRMED', 'REJECTED')),
    reason      text        null,
    protocol    text        not null,
    total_cents bigint      not null check (total_cents >= 0),
    currency    text        not null check (length(currency) = 3),
    created_at  timestamptz not null,
    updated_at  timestamptz not null
);

create index orders_customer_id on orders (customer_id, created_at desc);

create table order_line (
    order_id         uuid    not null references orders (order_id),
    line_no          integer not null,
    sku              text    not null,
    name             text    not null,
    quantity         integer not null check (quantity > 0),
    unit_price_cents bigint  not null check (unit_price_cents >= 0),
    primary key (order_id, line_no)
);

-- The answer given to a client's Idempotency-Key, written in the order's own transaction: a key is never seen
-- without its answer, and a request racing for the same key waits on this row's insert.
create table idempotency_key (
    key             text primary key,
    request_hash    text        not null,
    order_id        uuid        not null,
    response_status integer     not null,
    response_body   text        not null,
    location        text        null,
    created_at      timestamptz not null
);
