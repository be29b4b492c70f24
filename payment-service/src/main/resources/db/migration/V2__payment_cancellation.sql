-- A payment whose order gave up on it is cancelled at the provider (its hold released): status CANCELLED,
-- and the cancel is recorded as an attempt like every other call to the provider.
alter table payment drop constraint payment_status_check;
alter table payment add constraint payment_status_check
    check (status in ('PENDING', 'AUTHORIZED', 'DECLINED', 'UNAVAILABLE', 'CANCELLED'));
alter table payment_attempt drop constraint payment_attempt_outcome_check;
alter table payment_attempt add constraint payment_attempt_outcome_check
    check (outcome in ('AUTHORIZED', 'DECLINED', 'UNAVAILABLE', 'CANCELLED'));
