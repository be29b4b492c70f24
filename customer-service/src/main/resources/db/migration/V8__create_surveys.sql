-- Voice of the customer: one survey per delivered order.
create table survey (
    id          uuid        primary key,
    token       text        not null unique,
    order_id    uuid        not null unique,
    -- null once the customer deleted their account: the score stays for the statistics, the person goes
    customer_id uuid,
    created_at  timestamptz not null,
    due_at      timestamptz not null,
    expires_at  timestamptz not null,
    invited_at  timestamptz,
    answered_at timestamptz,
    score       smallint    check (score between 0 and 10),
    comment     text
);

-- The invitation job's queue: surveys not yet sent, by due time.
create index survey_due on survey (due_at) where invited_at is null;
create index survey_customer on survey (customer_id);
create index survey_answered on survey (answered_at) where answered_at is not null;
