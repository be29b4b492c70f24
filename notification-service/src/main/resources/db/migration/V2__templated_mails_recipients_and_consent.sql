-- Templated e-mails for more occasions than orders, sent only within the customer's consent.

-- One e-mail per event and template: an event may one day lead to two different mails.
alter table notification drop constraint notification_event_id_key;
alter table notification add constraint notification_event_type_key unique (event_id, type);

alter table notification drop constraint notification_type_check;
alter table notification add constraint notification_type_check check (type in (
    'WELCOME', 'ORDER_CONFIRMED', 'ORDER_REJECTED', 'ORDER_CANCELLED', 'ORDER_SHIPPED', 'ORDER_REFUNDED',
    'CART_REMINDER', 'SURVEY'));

-- SUPPRESSED: the customer's preferences did not allow the mail, it was never sent.
-- CANCELLED: still unsent when the customer's account was deleted.
alter table notification drop constraint notification_status_check;
alter table notification add constraint notification_status_check check (status in (
    'PENDING', 'SENT', 'FAILED', 'SUPPRESSED', 'CANCELLED'));

-- Welcome, cart and survey mails belong to no order; a deleted customer's mails keep no address or text.
alter table notification alter column order_id drop not null;
alter table notification alter column recipient drop not null;
alter table notification alter column subject drop not null;
alter table notification alter column body drop not null;

alter table notification add column topic text;
update notification set topic = 'ORDER_UPDATES';
alter table notification alter column topic set not null;
alter table notification add column html_body text;
alter table notification add column unsubscribe_url text;
-- Why a mail was suppressed or cancelled, in words the customer may read in their history.
alter table notification add column status_reason text;

-- Recipient directory: the latest preferences customer-service published for each customer.
create table recipient (
    customer_id       uuid        primary key,
    email             text        not null,
    name              text,
    marketing_opt_in  boolean     not null,
    -- {"ORDER_UPDATES": ["EMAIL"], ...}: per topic the channels, as published (unknown topics kept)
    subscriptions     jsonb       not null,
    unsubscribe_token text,
    -- the time of the event this state comes from; an older event never overwrites a newer one
    as_of             timestamptz not null,
    updated_at        timestamptz not null
);

-- Customers who deleted their account: nothing more is sent to them, and a late or redelivered registration or
-- preferences event cannot bring their data back. Only the id, which names no one outside the shop.
create table forgotten_customer (
    customer_id uuid        primary key,
    deleted_at  timestamptz not null
);
