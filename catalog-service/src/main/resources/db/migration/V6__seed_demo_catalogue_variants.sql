-- The demo catalogue: 420 generated products (20 per leaf category) with sizes, colours, formats, brands,
-- sale prices and a few drafts and archived products, next to the 25 hand-written products of V3.
select catalog_generate_products(1, 420, 'DEMO');
