create table customer (
    id            uuid        primary key,
    email         text        not null,
    name          text        not null,
    password_hash text        not null,
    roles         text[]      not null,
    created_at    timestamptz not null default now()
);

-- E-mail addresses are unique regardless of case: Ada@Example.com and ada@example.com are one person.
create unique index customer_email_unique on customer (lower(email));
