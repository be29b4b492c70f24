-- One row per e-mail. The row is written (PENDING) in the same transaction that records the event in the
-- inbox, then sent and marked SENT; rows still PENDING are retried with back-off.
create table notification (
    id              uuid        primary key,
    event_id        uuid        not null unique,
    type            text        not null check (type in ('ORDER_CONFIRMED', 'ORDER_REJECTED')),
    order_id        uuid        not null,
    customer_id     uuid        not null,
    channel         text        not null check (channel in ('EMAIL')),
    recipient       text        not null,
    subject         text        not null,
    body            text        not null,
    status          text        not null check (status in ('PENDING', 'SENT', 'FAILED')),
    attempts        integer     not null default 0,
    next_attempt_at timestamptz not null,
    last_error      text,
    created_at      timestamptz not null,
    sent_at         timestamptz
);

create index notification_customer on notification (customer_id, created_at desc);
create index notification_due on notification (next_attempt_at) where status = 'PENDING';
