create table product (
    sku         text primary key,
    name        text    not null,
    price_cents bigint  not null check (price_cents >= 0),
    currency    char(3) not null,
    on_hand     integer not null check (on_hand >= 0),
    reserved    integer not null check (reserved >= 0),
    constraint product_reserved_within_on_hand check (reserved <= on_hand)
);

-- The tentative work of a prepared transaction, one row per sku: RESERVED until the outcome is known, then
-- TAKEN (committed) or RELEASED (aborted). Kept afterwards: it is what the stock invariant is checked against.
create table reservation (
    tx_id      text        not null,
    sku        text        not null references product (sku),
    order_id   text        not null,
    quantity   integer     not null check (quantity > 0),
    state      text        not null check (state in ('RESERVED', 'TAKEN', 'RELEASED')),
    created_at timestamptz not null,
    updated_at timestamptz not null,
    primary key (tx_id, sku)
);

create index reservation_order on reservation (order_id);
