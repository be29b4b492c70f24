create table loyalty_ledger (
    id          bigint      generated always as identity primary key,
    customer_id uuid        not null,
    order_id    uuid        not null unique,
    points      bigint      not null,
    reason      text        not null,
    event_id    uuid        not null,
    created_at  timestamptz not null default now()
);

create index loyalty_ledger_customer on loyalty_ledger (customer_id);

-- The running balance, updated in the same transaction as each ledger entry so it always equals the
-- ledger's sum for the customer.
create table loyalty_account (
    customer_id uuid   primary key,
    points      bigint not null
);
