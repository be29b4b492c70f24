-- One index for the whole candidate search. `filter_terms` holds a product's attribute terms
-- ('colour=navy') and a term for its category and every ancestor ('category=apparel'); a two-column GIN
-- index over (search, filter_terms) answers text, category subtree and attribute conditions in one index
-- scan that intersects the posting lists, instead of ANDing three bitmaps (one of them a b-tree range of
-- about 28,000 rows for a top-level category). Measured at 100,000 products on a loaded 2-core machine: the
-- candidate step from about 17 ms to about 7 ms, the whole search statement from about 30 ms to about 19 ms.
alter table product rename column attribute_terms to filter_terms;
drop index product_attribute_terms;
drop index product_search;
drop function product_attribute_terms(uuid);

-- Slugs are unique and never change, so a term names a category for good; moving a category changes its
-- products' ancestor terms, which the application refreshes for the moved subtree.
create function product_filter_terms(product_id uuid) returns text[]
language sql stable as $$
    select coalesce(array_agg(distinct t order by t), '{}')
    from (
        select a.key || '=' || a.value as t
        from variant v cross join lateral jsonb_each_text(v.attributes) a
        where v.product_id = product_filter_terms.product_id
        union all
        select 'category=' || ancestor.slug
        from product p
        join category c on c.id = p.category_id
        join category ancestor on c.path = ancestor.path or c.path like ancestor.path || '/%'
        where p.id = product_filter_terms.product_id
    ) terms
$$;

update product set filter_terms = product_filter_terms(id);

create index product_search_filters on product using gin (search, filter_terms);

-- The generator of V5, now filling filter_terms.
create or replace function catalog_generate_products(first_n integer, how_many integer, prefix text) returns integer
language plpgsql as $$
declare
    made integer;
begin
    create temporary table generated_product as
    with leaf (i, slug, kind, nouns) as (values
        (0, 'cookware', 'plain', array['pan', 'pot', 'wok', 'casserole', 'saucepan', 'roasting tray']),
        (1, 'tableware', 'plain', array['plate', 'bowl', 'cup', 'serving platter', 'salad bowl', 'tumbler']),
        (2, 'coffee-tea', 'plain', array['kettle', 'teapot', 'coffee grinder', 'french press', 'tea canister', 'milk jug']),
        (3, 'lighting', 'plain', array['floor lamp', 'pendant light', 'desk lamp', 'lantern', 'wall light', 'night light']),
        (4, 'textiles', 'plain', array['cushion cover', 'blanket', 'rug', 'curtain', 'duvet cover', 'table runner']),
        (5, 'tents', 'plain', array['tent', 'tarp', 'shelter', 'bivvy bag', 'hammock', 'canopy']),
        (6, 'backpacks', 'plain', array['backpack', 'daypack', 'hip bag', 'duffel', 'rucksack', 'sling bag']),
        (7, 'bike-lights', 'plain', array['bike light', 'rear light', 'front light', 'helmet light', 'light set', 'spoke light']),
        (8, 'bike-bags', 'plain', array['pannier', 'frame bag', 'saddle bag', 'handlebar bag', 'top tube bag', 'bike basket']),
        (9, 'notebooks', 'plain', array['notebook', 'journal', 'sketchbook', 'planner', 'notepad', 'memo book']),
        (10, 'writing', 'plain', array['pencil set', 'marker set', 'rollerball', 'highlighter set', 'gel pen', 'mechanical pencil']),
        (11, 'headphones', 'plain', array['headphones', 'earbuds', 'headset', 'earphones', 'sports earbuds', 'studio headphones']),
        (12, 'speakers', 'plain', array['speaker', 'soundbar', 'radio', 'smart speaker', 'bookshelf speaker', 'party speaker']),
        (13, 'novels', 'book', array['river', 'garden', 'island', 'winter', 'harbour', 'lighthouse']),
        (14, 'cookbooks', 'book', array['pasta cookbook', 'bread cookbook', 'vegetable cookbook', 'spice cookbook', 'soup cookbook', 'baking cookbook']),
        (15, 't-shirts', 'sized', array['t-shirt', 'tee', 'polo shirt', 'long-sleeve tee', 'tank top', 'henley']),
        (16, 'hoodies', 'sized', array['hoodie', 'sweatshirt', 'zip hoodie', 'fleece', 'cardigan', 'jumper']),
        (17, 'trousers', 'sized', array['chinos', 'jeans', 'joggers', 'cargo trousers', 'corduroys', 'linen trousers']),
        (18, 'shorts', 'sized', array['shorts', 'swim shorts', 'running shorts', 'cargo shorts', 'board shorts', 'bermudas']),
        (19, 'sneakers', 'shoe', array['sneakers', 'trainers', 'running shoes', 'canvas shoes', 'court shoes', 'slip-ons']),
        (20, 'boots', 'shoe', array['hiking boots', 'chelsea boots', 'rain boots', 'work boots', 'winter boots', 'desert boots'])),
    words as (select
        array['classic', 'organic', 'lightweight', 'rugged', 'compact', 'vintage', 'modern', 'recycled', 'premium',
              'everyday', 'nordic', 'urban'] adjectives,
        array['Northwind', 'Fjellbrand', 'Oakline', 'Tidewater', 'Lumen & Co', 'Kestrel', 'Blue Harbour',
              'Terra Verde', 'Copperleaf', 'Atlas Works', 'Nimbus', 'Greystone'] brands,
        array['Made to last and easy to care for.', 'Designed in Amsterdam, made in Portugal.',
              'Made from sustainably sourced materials.', 'A favourite for everyday use.',
              'Tested outdoors in all weathers.', 'Comes with a two-year warranty.',
              'Shipped in plastic-free packaging.', 'A thoughtful gift.'] phrases,
        array['black', 'white', 'navy', 'red', 'green', 'grey', 'blue', 'yellow', 'orange', 'brown'] colours)
    select n, md5(prefix || ':' || n)::uuid id, leaf.kind,
           adjectives[1 + (n * 7) % 12] adjective,
           leaf.nouns[1 + (n / 21) % 6] noun,
           brands[1 + (n * 5 + n / 21) % 12] brand,
           phrases[1 + n % 8] phrase,
           md5('category:' || leaf.slug)::uuid category_id,
           colours,
           (9.99 + (n * 37) % 190)::numeric(12,2) base_price
    from generate_series(first_n, first_n + how_many - 1) n
    join leaf on leaf.i = n % 21
    cross join words;

    insert into product (id, name, description, brand, category_id, images, status, created_at, updated_at)
    select id,
           case when kind = 'book' and noun not like '%cookbook' then 'The ' || initcap(adjective) || ' ' || initcap(noun)
                else initcap(adjective) || ' ' || noun end,
           'A ' || adjective || ' ' || noun || ' by ' || brand || '. ' || phrase,
           brand, category_id,
           jsonb_build_array('/images/products/' || id || '-1.jpg', '/images/products/' || id || '-2.jpg'),
           case when n % 50 = 0 then 'DRAFT' when n % 47 = 0 then 'ARCHIVED' else 'ACTIVE' end,
           timestamptz '2026-01-01 00:00:00+00' + n * interval '1 minute',
           timestamptz '2026-01-01 00:00:00+00' + n * interval '1 minute'
    from generated_product;

    insert into variant (id, product_id, sku, attributes, position, list_price, currency, sale_price, sale_from,
                         sale_to, available, created_at, updated_at)
    select case when a.k = 1 then g.id else md5(prefix || ':' || g.n || ':' || a.k)::uuid end,
           g.id,
           prefix || '-' || lpad(g.n::text, 6, '0') || '-' || a.k,
           a.attributes,
           a.k - 1,
           g.base_price + case when a.attributes ->> 'format' = 'hardcover' then 8 else 0 end,
           'EUR',
           -- Every fifth product is on sale now (until 2030), every eleventh had a sale that is over.
           case when g.n % 5 = 0 or g.n % 11 = 0
                then round((g.base_price + case when a.attributes ->> 'format' = 'hardcover' then 8 else 0 end) * 0.8, 2) end,
           case when g.n % 5 = 0 then timestamptz '2025-01-01 00:00:00+00'
                when g.n % 11 = 0 then timestamptz '2024-01-01 00:00:00+00' end,
           case when g.n % 5 = 0 then timestamptz '2030-01-01 00:00:00+00'
                when g.n % 11 = 0 then timestamptz '2024-02-01 00:00:00+00' end,
           case when (g.n + a.k) % 9 = 0 then 0 else (g.n * 31 + a.k * 17) % 45 + 1 end,
           timestamptz '2026-01-01 00:00:00+00' + g.n * interval '1 minute',
           timestamptz '2026-01-01 00:00:00+00' + g.n * interval '1 minute'
    from generated_product g
    cross join lateral (
        select ordinality::integer k, value attributes
        from jsonb_array_elements(case g.kind
            when 'sized' then (
                select jsonb_agg(jsonb_build_object('colour', c, 'size', s) order by ci, si)
                from unnest(array[g.colours[1 + g.n % 10], g.colours[1 + (g.n + 3) % 10]]) with ordinality cc (c, ci),
                     unnest(array['S', 'M', 'L', 'XL']) with ordinality ss (s, si))
            when 'shoe' then (
                select jsonb_agg(jsonb_build_object('colour', c, 'size', s) order by ci, si)
                from unnest(array[g.colours[1 + g.n % 10], g.colours[1 + (g.n + 5) % 10]]) with ordinality cc (c, ci),
                     unnest(array['40', '42', '44']) with ordinality ss (s, si))
            when 'book' then '[{"format": "paperback"}, {"format": "hardcover"}]'::jsonb
            else (
                select jsonb_agg(jsonb_build_object('colour', g.colours[1 + (g.n + i * 4) % 10]) order by i)
                from generate_series(0, g.n % 3) i)
            end) with ordinality
    ) a;

    update product p set search = product_search_document(p.id), filter_terms = product_filter_terms(p.id)
    from generated_product g where p.id = g.id;

    select count(*) into made from generated_product;
    drop table generated_product;
    return made;
end
$$;
