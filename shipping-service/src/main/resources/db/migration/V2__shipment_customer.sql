-- The customer a shipment is for, so that their personal data can be exported and, on customer.deleted.v1,
-- anonymised. Null for shipments stored before order-service sent it (and for callers that still do not).
alter table shipment add column customer_id uuid;
-- When the recipient's name and street were replaced because the customer was deleted; null until then.
alter table shipment add column anonymised_at timestamptz;

create index shipment_customer on shipment (customer_id) where customer_id is not null;
