-- One shipment per order. Its id is stored before the carrier is called and is the carrier's idempotency key,
-- so a retry after a lost answer finds the label already bought instead of buying a second one.
create table shipment (
    id               uuid primary key,
    order_id         uuid        not null unique,
    weight_grams     int         not null check (weight_grams > 0),
    recipient_name   text        not null,
    address_line1    text        not null,
    city             text        not null,
    postal_code      text        not null,
    country          char(2)     not null,
    status           text        not null check (status in ('PENDING', 'REJECTED', 'LABEL_CREATED', 'PICKED_UP',
                                                            'IN_TRANSIT', 'OUT_FOR_DELIVERY', 'DELIVERED')),
    -- the rate chosen (cheapest) before the label is bought; kept so a retry sends the carrier the same request
    carrier          text,
    service          text,
    price_amount     numeric(12,2),
    price_currency   char(3),
    carrier_label_id text,
    tracking_number  text unique,
    tracking_url     text,
    -- why the carrier refused the shipment (REJECTED)
    reject_reason    text,
    created_at       timestamptz not null,
    updated_at       timestamptz not null,
    label_created_at timestamptz,
    delivered_at     timestamptz,
    -- when the tracking poller asks the carrier next (shipments with a label, not yet delivered)
    next_poll_at     timestamptz
);

create index shipment_due_for_tracking on shipment (next_poll_at)
    where status in ('LABEL_CREATED', 'PICKED_UP', 'IN_TRANSIT', 'OUT_FOR_DELIVERY');

-- What the carrier reported, one row per shipment and status: the key makes every event recorded (and
-- published) once however often the carrier is polled and by however many instances.
create table tracking_event (
    shipment_id uuid        not null references shipment (id),
    status      text        not null,
    location    text,
    occurred_at timestamptz not null,
    recorded_at timestamptz not null,
    primary key (shipment_id, status)
);
