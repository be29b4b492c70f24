-- Products with variants, a category tree, brands, images, a status and sale prices (issue 4, PIM).
--
-- Every sellable item is a variant with its own sku and stock. The old product rows already were sellable
-- items (other services keep their ids in carts, orders and reservations), so the old table becomes the
-- variant table and keeps its ids; each old row gets a product of its own with the same id. From here on
-- a product's first (default) variant always shares the product's id, so a product id is also a sellable
-- id and callers that know only the flat product JSON keep working.

-- The category tree. `path` is the slugs from the root down ('home-living/kitchen/cookware'): a subtree is
-- `path = p or path like p || '/%'`, served by the text_pattern_ops index (no ltree needed).
create table category (
    id         uuid        primary key,
    parent_id  uuid        references category (id),
    slug       text        not null unique check (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
    name       text        not null,
    path       text        not null unique,
    created_at timestamptz not null default now()
);

create index category_path on category (path text_pattern_ops);
create index category_parent on category (parent_id);

alter table product rename to variant;
alter table variant rename constraint product_pkey to variant_pkey;
alter table variant rename constraint product_sku_key to variant_sku_key;
alter index product_category rename to variant_category_text;
alter table variant rename column price_amount to list_price;
alter table variant rename column price_currency to currency;
alter table variant
    add column product_id uuid,
    add column attributes jsonb not null default '{}' check (jsonb_typeof(attributes) = 'object'),
    add column sale_price numeric(12,2) check (sale_price >= 0),
    add column sale_from  timestamptz,
    add column sale_to    timestamptz,
    add column position   integer not null default 0,
    add constraint variant_sale_below_list check (sale_price is null or sale_price < list_price),
    add constraint variant_sale_window check (sale_from is null or sale_to is null or sale_from < sale_to);

create table product (
    id          uuid        primary key,
    name        text        not null,
    description text        not null,
    brand       text,
    category_id uuid        not null references category (id),
    images      jsonb       not null default '[]' check (jsonb_typeof(images) = 'array'),
    status      text        not null check (status in ('DRAFT', 'ACTIVE', 'ARCHIVED')),
    -- Maintained by product_search_document() whenever the product or one of its variants changes.
    search      tsvector    not null default ''::tsvector,
    created_at  timestamptz not null default now(),
    updated_at  timestamptz not null default now()
);

-- The old flat categories become categories of their own (as roots here; V5 arranges them into a tree).
insert into category (id, slug, name, path)
select md5('category:' || c)::uuid, c, initcap(c), c
from (select distinct lower(category) c from variant) cats;

insert into product (id, name, description, brand, category_id, status, created_at, updated_at)
select v.id, v.name, v.description, null, md5('category:' || lower(v.category))::uuid, 'ACTIVE', v.created_at, v.updated_at
from variant v;

update variant set product_id = id;

drop index variant_category_text;
alter table variant
    alter column product_id set not null,
    add constraint variant_product_fk foreign key (product_id) references product (id),
    drop column name,
    drop column description,
    drop column category;

create index variant_product on variant (product_id, position);
create index variant_attributes on variant using gin (attributes jsonb_path_ops);
create index product_search on product using gin (search);
create index product_category on product (category_id);
create index product_status_name on product (status, name, id);
create index product_status_created on product (status, created_at desc, id);

-- The searchable text of a product: name and skus weigh most, then the brand, then the variants'
-- attribute values, then the description. 'simple' keeps words as they are (no stemming), so prefix
-- matching ('tee:*') behaves the same in every language.
create function product_search_document(product_id uuid) returns tsvector
language sql stable as $$
    select setweight(to_tsvector('simple', p.name || ' ' || coalesce(v.skus, '')), 'A')
        || setweight(to_tsvector('simple', coalesce(p.brand, '')), 'B')
        || setweight(to_tsvector('simple', coalesce(v.attribute_values, '')), 'C')
        || setweight(to_tsvector('simple', p.description), 'D')
    from product p
    left join lateral (
        select string_agg(x.sku, ' ') skus, string_agg(x.values, ' ') attribute_values
        from (select vv.sku, (select string_agg(a.value, ' ') from jsonb_each_text(vv.attributes) a) as values
              from variant vv where vv.product_id = p.id) x
    ) v on true
    where p.id = product_search_document.product_id
$$;

update product set search = product_search_document(id);
