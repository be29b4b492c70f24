-- Loyalty points redeemed at checkout (loyalty-service holds them), refunds at the share of the amount due, and
-- the anonymisation of a deleted customer's orders.
alter table orders drop constraint orders_rejection_reason_check;
alter table orders add constraint orders_rejection_reason_check check (rejection_reason in
    ('OUT_OF_STOCK', 'PAYMENT_DECLINED', 'PAYMENT_UNAVAILABLE', 'INSUFFICIENT_POINTS', 'LOYALTY_UNAVAILABLE'));
alter table orders drop constraint orders_pending_rejection_check;
alter table orders add constraint orders_pending_rejection_check check (pending_rejection in
    ('OUT_OF_STOCK', 'PAYMENT_DECLINED', 'PAYMENT_UNAVAILABLE', 'INSUFFICIENT_POINTS', 'LOYALTY_UNAVAILABLE'));

-- what the customer asked to redeem; loyalty-service is asked only when > 0
alter table orders add column points_to_redeem bigint not null default 0
    check (points_to_redeem between 0 and 10000000);
-- when loyalty-service answered HELD; the discount and the amount due are known from then on
alter table orders add column points_held_at timestamptz;
alter table orders add column points_redeemed bigint not null default 0 check (points_redeemed >= 0);
alter table orders add column discount_amount numeric(19, 2) not null default 0 check (discount_amount >= 0);
-- total - discount: what is authorised and captured, and what the refunds add up to when all comes back
alter table orders add column amount_due numeric(19, 2);
update orders set amount_due = total_amount;
alter table orders alter column amount_due set not null;
alter table orders add constraint orders_amount_due_check
    check (discount_amount <= total_amount and amount_due = total_amount - discount_amount);
-- when loyalty-service first could not be reached; the hold is asked again until the loyalty deadline after this
alter table orders add column loyalty_unavailable_since timestamptz;

-- customer.deleted.v1: when the order's personal data (e-mail, name, street, city, postal code) was removed
alter table orders add column anonymised_at timestamptz;

-- the refund a return gets, fixed when it is first asked of payment-service, so a retry asks the same amount
-- (payment-service is idempotent per refund id) even if other returns were refunded meanwhile
alter table order_return add column refund_due numeric(19, 2);
