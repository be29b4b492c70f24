-- Inventory per variant: on hand = available + reserved. `available` stays the stored column the search, its
-- covering index and the public JSON read ("can be bought now"); `reserved` is what RESERVED reservations
-- hold; `on_hand` is derived, so the invariant cannot drift whatever statement changes the other two.
-- (Confirmed orders are committed: their units leave on hand and reserved together.)
alter table variant
    add column reserved integer not null default 0 constraint variant_reserved_not_negative check (reserved >= 0),
    add column on_hand integer generated always as (available + reserved) stored;

alter table variant
    add constraint variant_reserved_within_on_hand check (on_hand >= 0 and reserved <= on_hand);

-- Reservations made before this migration took their units out of `available` without recording them
-- anywhere else; count them as reserved so releasing them later gives back exactly what they took.
update variant v
set reserved = held.quantity
from (select l.product_id, sum(l.quantity) as quantity
      from reservation_line l
      join reservation r on r.order_id = l.order_id
      where r.status = 'RESERVED'
      group by l.product_id) held
where v.id = held.product_id;

-- A reservation now also ends by expiring (its stock comes back) or by being committed (the order was
-- confirmed; the units leave stock for good).
alter table reservation drop constraint reservation_status_check;
alter table reservation add constraint reservation_status_check
    check (status in ('RESERVED', 'REJECTED', 'RELEASED', 'EXPIRED', 'COMMITTED'));

-- Null for reservations made before expiry existed: they may belong to orders already confirmed, whose
-- stock must never come back on its own.
alter table reservation add column expires_at timestamptz;

create index reservation_due on reservation (expires_at) where status = 'RESERVED';

-- The stock-movement ledger: every change of a variant's on hand or reserved figure, with its reason and
-- the order it was for. Per variant, the sums of the deltas equal the current figures.
create table stock_movement (
    id             bigint generated always as identity primary key,
    variant_id     uuid        not null references variant (id),
    delta_on_hand  integer     not null,
    delta_reserved integer     not null,
    reason         text        not null check (reason in
                       ('INITIAL', 'ADJUSTED', 'RESERVED', 'RELEASED', 'EXPIRED', 'COMMITTED')),
    order_id       uuid,
    at             timestamptz not null default now(),
    check (delta_on_hand <> 0 or delta_reserved <> 0)
);

create index stock_movement_variant on stock_movement (variant_id, id);

-- The opening balance of every existing variant.
insert into stock_movement (variant_id, delta_on_hand, delta_reserved, reason)
select id, on_hand, reserved, 'INITIAL' from variant where on_hand <> 0 or reserved <> 0;

-- Variants are created by the API and by catalog_generate_products (demo data, benchmark); a trigger records
-- the stock they start with for both, so the ledger is complete whoever inserts.
create function stock_movement_initial() returns trigger language plpgsql as $$
begin
    if new.on_hand <> 0 or new.reserved <> 0 then
        insert into stock_movement (variant_id, delta_on_hand, delta_reserved, reason)
        values (new.id, new.on_hand, new.reserved, 'INITIAL');
    end if;
    return null;
end;
$$;

create trigger variant_initial_stock after insert on variant
    for each row execute function stock_movement_initial();
