-- The order lifecycle after checkout: shipping, cancellation, delivery, returns and refunds.
alter table orders drop constraint orders_status_check;
alter table orders add constraint orders_status_check
    check (status in ('PENDING', 'CONFIRMED', 'REJECTED', 'SHIPPED', 'CANCELLED', 'DELIVERED', 'RETURNED'));

-- A transition with remote steps, recorded before they are made and cleared in the transaction that finishes
-- (or gives up on) it: SHIP and CANCEL of a CONFIRMED order; REFUND while a DELIVERED order has returns whose
-- refund was asked for. The lease (lease_owner, lease_until) keeps one driver at a time, as for checkout.
alter table orders add column pending_action text check (pending_action in ('SHIP', 'CANCEL', 'REFUND'));
-- who asked for the pending action (CUSTOMER or ADMIN)
alter table orders add column pending_action_by text;
-- the last intent that failed for good (a dependency refused it), shown to admins until the next attempt
alter table orders add column action_problem text;
alter table orders add column shipment_id text;
alter table orders add column carrier text;
alter table orders add column tracking_number text;
alter table orders add column tracking_url text;
alter table orders add column shipped_at timestamptz;
alter table orders add column delivered_at timestamptz;
-- the carrier reported delivery before this service recorded the shipment; applied once the order is SHIPPED
alter table orders add column delivery_reported_at timestamptz;
alter table orders add column cancelled_by text;
alter table orders add column cancelled_at timestamptz;

create index orders_pending_action on orders (lease_until) where pending_action is not null;
create index orders_by_status on orders (status, created_at desc);
create index orders_by_created on orders (created_at desc);

-- Every transition (and every intent and problem along the way), appended in the transition's transaction.
create table order_status_history (
    id          bigserial primary key,
    order_id    uuid        not null references orders (id),
    from_status text,
    to_status   text        not null,
    at          timestamptz not null,
    actor       text        not null,
    cause       text        not null,
    detail      text
);
create index order_status_history_by_order on order_status_history (order_id, id);

-- Returns are per line: a return groups lines of one request and moves REQUESTED -> RECEIVED -> REFUNDED.
create table order_return (
    id                  uuid primary key,
    order_id            uuid        not null references orders (id),
    status              text        not null check (status in ('REQUESTED', 'RECEIVED', 'REFUNDED')),
    reason              text,
    restocked           boolean,
    refund_requested_at timestamptz,
    requested_at        timestamptz not null,
    received_at         timestamptz,
    refunded_at         timestamptz,
    refund_amount       numeric(19, 2)
);
create index order_return_by_order on order_return (order_id, requested_at);

create table order_return_line (
    return_id uuid not null references order_return (id),
    order_id  uuid not null,
    line_no   int  not null,
    quantity  int  not null check (quantity > 0),
    primary key (return_id, line_no),
    foreign key (order_id, line_no) references order_line (order_id, line_no)
);

-- What the carrier reported, from shipment.tracking_updated.v1 (deduplicated by event id through the inbox).
create table order_tracking_event (
    id          bigserial primary key,
    order_id    uuid        not null,
    status      text        not null,
    location    text,
    occurred_at timestamptz not null
);
create index order_tracking_event_by_order on order_tracking_event (order_id, occurred_at);
