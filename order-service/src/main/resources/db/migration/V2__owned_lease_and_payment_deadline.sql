-- One driver at a time: the request thread or a recovery run owns the order's lease (lease_owner) until
-- lease_until; another driver may claim the order only once that has passed. A driver renews its lease
-- before every remote step and stops when it lost it.
alter table orders rename column next_attempt_at to lease_until;
alter table orders add column lease_owner uuid;
-- When payment-service first answered UNAVAILABLE; the payment is retried until the payment deadline after
-- this, then cancelled. payment_attempts drives the back-off between retries.
alter table orders add column payment_unavailable_since timestamptz;
alter table orders add column payment_attempts int not null default 0;
