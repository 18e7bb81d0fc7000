-- An operator's restock (POST /api/products/{sku}/restocks): the units it added, kept so that the stock invariant
-- counts them (on_hand + units sold - units restocked stays constant) and so that a call repeated with the same
-- Idempotency-Key (the restock_id) answers the first one again and adds nothing.
create table restock (
    restock_id    text primary key,
    sku           text        not null references product (sku),
    units         integer     not null check (units > 0),
    on_hand_after integer     not null,
    reserved_after integer    not null,
    created_at    timestamptz not null
);

create index restock_sku on restock (sku);
