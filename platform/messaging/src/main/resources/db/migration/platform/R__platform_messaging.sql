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

-- A row Kafka refuses for good (too large, topic not allowed) is parked with its error instead of blocking
-- every later event; an operator inspects and republishes or deletes it.
alter table outbox_event add column if not exists parked_at timestamptz;
alter table outbox_event add column if not exists last_error text;

drop index if exists outbox_event_unpublished;
create index if not exists outbox_event_pending on outbox_event (position)
    where published_at is null and parked_at is null;

-- The trace context (W3C traceparent) of the transaction that wrote the row; the relay puts it on the record
-- so the consumers' spans join that trace. Null for rows written before tracing, or outside any span.
alter table outbox_event add column if not exists trace_parent text;
