-- One payment per order; its id is also the provider's idempotency key.
create table payment (
    id                  uuid primary key,
    order_id            uuid          not null unique,
    amount              numeric(12,2) not null check (amount > 0),
    currency            char(3)       not null,
    -- the provider's token for the payment method (never card data), kept to resend the identical request
    payment_token       text          not null,
    status              text          not null check (status in ('PENDING', 'AUTHORIZED', 'DECLINED', 'UNAVAILABLE')),
    provider_payment_id text,
    decline_code        text,
    created_at          timestamptz   not null,
    updated_at          timestamptz   not null
);

-- Every call to the provider (after its own retries) and what came of it.
create table payment_attempt (
    payment_id uuid        not null references payment (id),
    attempt_no int         not null,
    outcome    text        not null check (outcome in ('AUTHORIZED', 'DECLINED', 'UNAVAILABLE')),
    -- provider payment id, decline code, or why the provider was unavailable
    detail     text,
    at         timestamptz not null,
    primary key (payment_id, attempt_no)
);
