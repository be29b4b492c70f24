-- Products of the catalogue (C06 PIM) with their stock (F02 Inventory). Stock lives on the product row so a
-- reservation takes it with one conditional update; the CHECK is the last line of defence against overselling.
create table product (
    id             uuid          primary key,
    sku            text          not null unique,
    name           text          not null,
    description    text          not null,
    category       text          not null,
    price_amount   numeric(12,2) not null check (price_amount >= 0),
    price_currency char(3)       not null default 'EUR',
    available      integer       not null check (available >= 0),
    created_at     timestamptz   not null default now(),
    updated_at     timestamptz   not null default now()
);

create index product_category on product (lower(category));
