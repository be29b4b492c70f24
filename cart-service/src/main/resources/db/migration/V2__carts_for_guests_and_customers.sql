-- A cart becomes a row of its own: a customer's (customer_id) or a guest's (only the SHA-256 of the opaque
-- cart token is kept, so a database dump does not hand out carts). touched_at is the last change, which the
-- abandonment job measures from; abandoned_at is set once cart.abandoned.v1 is published and cleared by the
-- next change, so a cart is reported once per abandonment.
create table cart (
    id           uuid        primary key,
    customer_id  uuid        unique,
    token_hash   bytea       unique,
    created_at   timestamptz not null,
    touched_at   timestamptz not null,
    abandoned_at timestamptz,
    check ((customer_id is null) <> (token_hash is null))
);
create index cart_touched_at on cart (touched_at);

insert into cart (id, customer_id, created_at, touched_at)
select gen_random_uuid(), customer_id, min(added_at), max(updated_at) from cart_line group by customer_id;

alter table cart_line add column cart_id uuid references cart (id) on delete cascade;
update cart_line l set cart_id = c.id from cart c where c.customer_id = l.customer_id;
alter table cart_line drop constraint cart_line_pkey;
alter table cart_line drop column customer_id;
alter table cart_line alter column cart_id set not null;
alter table cart_line add primary key (cart_id, product_id);

-- Per line (one per variant, hence per SKU): the SKU and name as last seen, so a line whose product has left
-- the catalogue can still be shown, and the unit price the customer last saw, so a price change is flagged.
-- Lines stored before this migration have none of them until they are next changed.
alter table cart_line add column sku text;
alter table cart_line add column name text;
alter table cart_line add column seen_amount numeric(12, 2);
alter table cart_line add column seen_currency text;
