create table address (
    id               uuid        primary key,
    customer_id      uuid        not null references customer (id) on delete cascade,
    label            text        not null,
    name             text        not null,
    line1            text        not null,
    line2            text,
    city             text        not null,
    postal_code      text        not null,
    country          char(2)     not null,
    phone            text,
    default_shipping boolean     not null default false,
    created_at       timestamptz not null default now()
);

create index address_customer on address (customer_id, created_at);

-- One default shipping address per customer at most; the application clears the old one first, in the same
-- transaction.
create unique index address_one_default on address (customer_id) where default_shipping;
