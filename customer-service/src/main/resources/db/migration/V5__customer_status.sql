-- A deleted customer stays as an anonymised row (its id is still referenced by orders elsewhere and by the
-- consent history here), marked DELETED.
alter table customer add column status     text        not null default 'ACTIVE';
alter table customer add column deleted_at timestamptz;
alter table customer add constraint customer_status_known check (status in ('ACTIVE', 'DELETED'));
