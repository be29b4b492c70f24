-- The loyalty ledger. Every change to a customer's points is one row of loyalty_entry, written in the same
-- transaction as the account's new balance (and the entry's event in the outbox), under a lock on the
-- account row. The constraints below are the last line of defence for the invariants the code keeps:
-- balance = sum of the ledger >= held >= 0, and each source event counted once.

create table loyalty_account (
    customer_id      uuid        primary key,
    balance          bigint      not null default 0,
    held             bigint      not null default 0,
    tier             text        not null default 'BRONZE',
    tier_reviewed_at timestamptz not null,
    created_at       timestamptz not null,
    updated_at       timestamptz not null,
    constraint loyalty_account_balance_not_negative check (balance >= 0),
    constraint loyalty_account_held_not_negative check (held >= 0),
    constraint loyalty_account_held_covered check (held <= balance),
    constraint loyalty_account_tier check (tier in ('BRONZE', 'SILVER', 'GOLD'))
);

create index loyalty_account_tier_review on loyalty_account (tier_reviewed_at) where tier <> 'BRONZE';

create table loyalty_entry (
    position        bigint      generated always as identity unique,
    id              uuid        primary key,
    customer_id     uuid        not null references loyalty_account (customer_id) on delete cascade,
    kind            text        not null,
    points          bigint      not null,
    balance_after   bigint      not null,
    order_id        uuid,
    source_event_id uuid,
    reason          text,
    occurred_at     timestamptz not null,
    -- A credit (points > 0) is a lot: what of it is still unspent and unexpired, and when that expires.
    -- Debits take from lots (expiry first to go, first), so the sum of remaining always equals the balance.
    remaining       bigint,
    expires_at      timestamptz,
    constraint loyalty_entry_kind check (kind in ('EARNED', 'REDEEMED', 'RESTORED', 'REVERSED', 'EXPIRED', 'ADJUSTED')),
    constraint loyalty_entry_sign check (
        (kind in ('EARNED', 'RESTORED') and points > 0)
        or (kind in ('REDEEMED', 'REVERSED', 'EXPIRED') and points < 0)
        or (kind = 'ADJUSTED' and points <> 0)),
    constraint loyalty_entry_balance_not_negative check (balance_after >= 0),
    constraint loyalty_entry_lot check (
        (points > 0 and remaining is not null and expires_at is not null and remaining between 0 and points)
        or (points < 0 and remaining is null and expires_at is null))
);

-- Each source event (or admin adjustment id) makes at most one entry of each kind.
create unique index loyalty_entry_once_per_source on loyalty_entry (source_event_id, kind);
-- An order earns once and redeems once, whatever event ids it is reported under.
create unique index loyalty_entry_once_per_order on loyalty_entry (order_id, kind) where kind in ('EARNED', 'REDEEMED');
create index loyalty_entry_customer on loyalty_entry (customer_id, position desc);
create index loyalty_entry_open_lots on loyalty_entry (expires_at) where remaining > 0;

-- What loyalty-service remembers of each confirmed order: enough to reverse and restore in proportion to
-- refunds, and to do it once.
create table loyalty_order (
    order_id             uuid          primary key,
    customer_id          uuid          not null,
    currency             text          not null,
    total                numeric(19,2) not null,
    amount_due           numeric(19,2) not null,
    points_earned        bigint        not null,
    points_redeemed      bigint        not null,
    points_reversed      bigint        not null default 0,
    points_unrecoverable bigint        not null default 0,
    points_restored      bigint        not null default 0,
    refunded             numeric(19,2) not null default 0,
    refunded_value       numeric(19,2) not null default 0,
    cancelled            boolean       not null default false,
    confirmed_event_id   uuid          not null,
    confirmed_at         timestamptz   not null,
    constraint loyalty_order_amounts check (amount_due >= 0 and total >= 0 and refunded >= 0),
    constraint loyalty_order_points check (points_earned >= 0 and points_redeemed >= 0 and points_reversed >= 0
        and points_unrecoverable >= 0 and points_restored >= 0),
    constraint loyalty_order_reversed_within_earned check (points_reversed + points_unrecoverable <= points_earned),
    constraint loyalty_order_restored_within_redeemed check (points_restored <= points_redeemed)
);

create index loyalty_order_customer on loyalty_order (customer_id);

-- One row per refund of an order (its return id), so a refund reported twice counts once.
create table loyalty_order_refund (
    order_id    uuid          not null references loyalty_order (order_id) on delete cascade,
    refund_key  uuid          not null,
    amount      numeric(19,2) not null,
    event_id    uuid          not null,
    recorded_at timestamptz   not null,
    primary key (order_id, refund_key)
);

-- Points held for an order in checkout (the saga's participant state), one row per order.
create table loyalty_hold (
    order_id    uuid          primary key,
    customer_id uuid,
    points      bigint        not null,
    status      text          not null,
    currency    text,
    discount    numeric(19,2),
    reason      text,
    created_at  timestamptz   not null,
    updated_at  timestamptz   not null,
    constraint loyalty_hold_points check (points >= 0),
    constraint loyalty_hold_status check (status in ('HELD', 'REJECTED', 'RELEASED', 'SPENT'))
);

create index loyalty_hold_customer on loyalty_hold (customer_id);

-- Order events that arrived before the order's confirmation (a cancellation or refund replayed out of
-- order); applied, in arrival order, in the transaction that records the confirmation.
create table loyalty_parked_event (
    position       bigint        generated always as identity primary key,
    event_id       uuid          not null unique,
    order_id       uuid          not null,
    customer_id    uuid          not null,
    kind           text          not null,
    refund_key     uuid,
    amount         numeric(19,2),
    total_refunded numeric(19,2),
    lines_value    numeric(19,2),
    parked_at      timestamptz   not null,
    constraint loyalty_parked_event_kind check (kind in ('CANCELLED', 'REFUNDED'))
);

create index loyalty_parked_event_order on loyalty_parked_event (order_id, position);

-- What could not be done as asked, for an administrator to look at: points that could not be taken back
-- (already spent), a redemption without a hold that the balance could not cover.
create table loyalty_problem (
    id          uuid        primary key,
    customer_id uuid        not null,
    order_id    uuid,
    kind        text        not null,
    points      bigint      not null,
    detail      text        not null,
    occurred_at timestamptz not null
);

create index loyalty_problem_customer on loyalty_problem (customer_id, occurred_at desc);

-- Customers who closed their account: their loyalty data is gone, and later events about them are ignored
-- so nothing is rebuilt. The id alone is kept, and only for that purpose.
create table loyalty_deleted_customer (
    customer_id uuid        primary key,
    deleted_at  timestamptz not null
);
