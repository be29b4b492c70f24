-- The order lifecycle moves a reservation further: a confirmed order's reservation is CONFIRMED (its units stay
-- reserved and it no longer expires: the expiry job and its index only look at RESERVED), and it is COMMITTED
-- when the order ships.
alter table reservation drop constraint reservation_status_check;
alter table reservation add constraint reservation_status_check
    check (status in ('RESERVED', 'CONFIRMED', 'REJECTED', 'RELEASED', 'EXPIRED', 'COMMITTED'));

-- Returned goods come back on hand, once per return: the return id is the key, and each line's ledger row
-- names it. A return that was not restocked (damaged goods) is recorded too, with no stock change.
create table stock_return (
    return_id   uuid        primary key,
    order_id    uuid        not null,
    restocked   boolean     not null,
    received_at timestamptz,
    recorded_at timestamptz not null default now()
);

alter table stock_movement add column return_id uuid;
alter table stock_movement drop constraint stock_movement_reason_check;
alter table stock_movement add constraint stock_movement_reason_check check (reason in
    ('INITIAL', 'ADJUSTED', 'RESERVED', 'RELEASED', 'EXPIRED', 'COMMITTED', 'RETURNED'));

-- Units that left the warehouse with a shipment although the books had none left to give (the order's
-- reservation had expired or been released and the units were sold again meanwhile). The figures cannot go
-- below what other orders hold, so the difference is kept here for a person to settle with a stock count.
create table stock_shortfall (
    id          bigint generated always as identity primary key,
    order_id    uuid        not null,
    variant_id  uuid        not null,
    quantity    integer     not null check (quantity > 0),
    at          timestamptz not null default now()
);

-- The shipping weight of each variant; variants the catalogue was never told about weigh 500 g.
alter table variant
    add column weight_grams integer not null default 500
        constraint variant_weight_positive check (weight_grams > 0 and weight_grams <= 100000);
