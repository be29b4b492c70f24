-- Tables of the platform messaging library (outbox and inbox). Shipped with the library and applied by
-- every service's Flyway run; idempotent so the repeatable migration can run again when it changes.

create table if not exists outbox_event (
    position     bigint generated always as identity primary key,
    id           uuid        not null unique,
    topic        text        not null,
    message_key  text        not null,
    type         text        not null,
    payload      jsonb       not null,
    created_at   timestamptz not null,
    published_at timestamptz
);

create index if not exists outbox_event_unpublished on outbox_event (position) where published_at is null;

create table if not exists inbox_event (
    consumer    text        not null,
    event_id    uuid        not null,
    type        text        not null,
    received_at timestamptz not null,
    primary key (consumer, event_id)
);
