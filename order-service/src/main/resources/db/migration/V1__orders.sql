-- An order is written by the order participant's PREPARE (PENDING) and settled by the global decision.
create table orders (
    order_id    uuid primary key,
    tx_id       text        not null unique,
    customer_id text        not null,
    status      text        not null check (status in ('PENDING', 'CONFIRMED', 'REJECTED')),
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

-- The first answer given to a client's Idempotency-Key. A row without response_status is a request still
-- running; a 503 answer is never kept (the row is deleted so that the client may retry).
create table idempotency_key (
    key             text primary key,
    request_hash    text        not null,
    order_id        uuid        not null,
    response_status integer     null,
    response_body   text        null,
    location        text        null,
    created_at      timestamptz not null
);
