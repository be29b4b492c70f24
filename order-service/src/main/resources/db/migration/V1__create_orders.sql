-- Orders of order-service. Money is numeric(19,2) plus the order's one currency.
create table orders (
    id                uuid primary key,
    customer_id       uuid        not null,
    customer_email    text,
    status            text        not null check (status in ('PENDING', 'CONFIRMED', 'REJECTED')),
    rejection_reason  text        check (rejection_reason in ('OUT_OF_STOCK', 'PAYMENT_DECLINED', 'PAYMENT_UNAVAILABLE')),
    -- a rejection decided (payment failed) whose stock release is not yet confirmed
    pending_rejection text        check (pending_rejection in ('OUT_OF_STOCK', 'PAYMENT_DECLINED', 'PAYMENT_UNAVAILABLE')),
    currency          char(3)     not null,
    total_amount      numeric(19, 2) not null check (total_amount >= 0),
    -- kept only while the order is PENDING, so the recovery job can ask for the payment again
    payment_token     text,
    ship_name         text        not null,
    ship_line1        text        not null,
    ship_city         text        not null,
    ship_postal_code  text        not null,
    ship_country      char(2)     not null,
    created_at        timestamptz not null,
    updated_at        timestamptz not null,
    -- lease of the recovery job: a PENDING order is not driven again before this time
    next_attempt_at   timestamptz not null,
    check ((status = 'REJECTED') = (rejection_reason is not null)),
    check (status <> 'PENDING' or payment_token is not null)
);

create index orders_by_customer on orders (customer_id, created_at desc);
create index orders_pending on orders (next_attempt_at) where status = 'PENDING';

create table order_line (
    order_id    uuid    not null references orders (id),
    line_no     int     not null,
    product_id  uuid    not null,
    sku         text    not null,
    name        text    not null,
    quantity    int     not null check (quantity > 0),
    unit_price  numeric(19, 2) not null check (unit_price >= 0),
    primary key (order_id, line_no)
);

-- Idempotency-Key of POST /api/orders, per customer. The primary key makes a concurrent duplicate lose.
create table order_idempotency_key (
    customer_id     uuid        not null,
    idempotency_key text        not null,
    request_hash    text        not null,
    order_id        uuid        not null references orders (id),
    created_at      timestamptz not null,
    primary key (customer_id, idempotency_key)
);
