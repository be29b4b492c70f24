-- The customer's consent and notification preferences, and the secret of their unsubscribe links.
create table customer_preferences (
    customer_id       uuid        primary key references customer (id) on delete cascade,
    marketing_opt_in  boolean     not null,
    -- per topic the channels, e.g. {"ACCOUNT":["EMAIL"],"SURVEYS":[]}
    subscriptions     jsonb       not null,
    -- opaque, random; also travels in customer events, so it is kept as it is (not hashed)
    unsubscribe_token text        not null unique,
    updated_at        timestamptz not null default now()
);

-- Marketing consent is a legal record: every change, who made it and when, with the state before and after.
-- It holds no personal data besides the customer id and is kept when the account is deleted.
create table consent_history (
    id                      bigint      generated always as identity primary key,
    customer_id             uuid        not null,
    changed_at              timestamptz not null,
    source                  text        not null,
    marketing_opt_in_before boolean,
    marketing_opt_in_after  boolean     not null,
    subscriptions_before    jsonb,
    subscriptions_after     jsonb       not null
);

create index consent_history_customer on consent_history (customer_id, id);
