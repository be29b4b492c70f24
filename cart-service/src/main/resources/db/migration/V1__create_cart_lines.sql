-- One cart per customer, stored as its lines; a customer without lines has an empty cart. Only the product
-- id and quantity are kept: names and prices are read from the catalogue whenever the cart is shown.
create table cart_line (
    customer_id uuid        not null,
    product_id  uuid        not null,
    quantity    integer     not null check (quantity between 1 and 99),
    added_at    timestamptz not null,
    updated_at  timestamptz not null,
    primary key (customer_id, product_id)
);
