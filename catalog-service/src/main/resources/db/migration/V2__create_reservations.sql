-- Stock reservations per order. The order id is the primary key, which makes a reservation idempotent: a
-- second request for the same order waits for the first one's row and then returns its outcome.
create table reservation (
    order_id   uuid        primary key,
    status     text        not null check (status in ('RESERVED', 'REJECTED', 'RELEASED')),
    created_at timestamptz not null,
    updated_at timestamptz not null
);

-- Lines are kept for rejected reservations too (they may name unknown products, hence no foreign key to
-- product), so what was asked for stays visible.
create table reservation_line (
    order_id   uuid    not null references reservation (order_id),
    product_id uuid    not null,
    quantity   integer not null check (quantity > 0),
    primary key (order_id, product_id)
);
