-- Every provider operation (authorise, capture, void, refund) is a row, written before the provider is called,
-- with its own idempotency key. An operation whose answer never came stays PENDING or UNKNOWN until a retry or
-- the reconciliation job settles it from what the provider says.
alter table payment drop constraint payment_status_check;
alter table payment add constraint payment_status_check
    check (status in ('PENDING', 'AUTHORIZED', 'DECLINED', 'UNAVAILABLE', 'CANCELLED', 'CAPTURED',
                      'PARTIALLY_REFUNDED', 'REFUNDED'));

create table payment_operation (
    id                 uuid primary key,
    payment_id         uuid          not null references payment (id),
    kind               text          not null check (kind in ('AUTHORIZE', 'CAPTURE', 'VOID', 'REFUND')),
    amount             numeric(12,2) not null check (amount > 0),
    currency           char(3)       not null,
    -- the Idempotency-Key every request of this operation carries; never changes
    idempotency_key    text          not null unique,
    -- REFUND only: the caller's id of the refund (order-service's return id) and why
    refund_id          uuid,
    reason             text,
    status             text          not null check (status in ('PENDING', 'SUCCEEDED', 'FAILED', 'UNKNOWN')),
    -- the provider's id of what the operation touched or made (intent id, refund id)
    provider_reference text,
    -- requests sent for this operation (each after the adapter's own retries)
    attempts           int           not null default 0,
    -- the provider's refusal code or why its answer is unknown
    error              text,
    created_at         timestamptz   not null,
    -- last time a request or the reconciliation job picked the operation up
    updated_at         timestamptz   not null,
    settled_at         timestamptz,
    check ((kind = 'REFUND') = (refund_id is not null))
);

-- One authorisation, one capture and one void per payment, ever: the database keeps a payment from being
-- captured twice, whatever the callers do.
create unique index payment_operation_one_authorize on payment_operation (payment_id) where kind = 'AUTHORIZE';
create unique index payment_operation_one_capture on payment_operation (payment_id) where kind = 'CAPTURE';
create unique index payment_operation_one_void on payment_operation (payment_id) where kind = 'VOID';
create unique index payment_operation_one_refund_per_id on payment_operation (payment_id, refund_id)
    where kind = 'REFUND';
create index payment_operation_by_payment on payment_operation (payment_id, created_at);
create index payment_operation_open on payment_operation (updated_at) where status in ('PENDING', 'UNKNOWN');
create index payment_by_status on payment (status, created_at);

-- Payments made before this migration get their authorisation as an operation, so every payment's history
-- starts the same way. Its key is the payment id, as it always was.
insert into payment_operation (id, payment_id, kind, amount, currency, idempotency_key, status,
                               provider_reference, attempts, error, created_at, updated_at, settled_at)
select gen_random_uuid(), p.id, 'AUTHORIZE', p.amount, p.currency, p.id::text,
       case p.status when 'AUTHORIZED' then 'SUCCEEDED'
                     when 'CANCELLED' then case when p.provider_payment_id is null then 'FAILED' else 'SUCCEEDED' end
                     when 'DECLINED' then 'FAILED'
                     when 'UNAVAILABLE' then 'UNKNOWN'
                     else 'PENDING' end,
       p.provider_payment_id,
       (select count(*) from payment_attempt a where a.payment_id = p.id and a.outcome <> 'CANCELLED'),
       p.decline_code, p.created_at, p.updated_at,
       case when p.status in ('AUTHORIZED', 'CANCELLED', 'DECLINED') then p.updated_at end
from payment p;
