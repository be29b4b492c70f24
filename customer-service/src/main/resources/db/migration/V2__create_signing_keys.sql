-- RSA key pairs that sign the access tokens. The private key is kept in the service's own database so that
-- restarts and replicas sign with (and publish) the same key.
create table signing_key (
    kid         text        primary key,
    public_key  bytea       not null,
    private_key bytea       not null,
    active      boolean     not null,
    created_at  timestamptz not null default now()
);

-- At most one active key: two replicas that start at once race on this index and the loser adopts the
-- winner's key.
create unique index signing_key_one_active on signing_key (active) where active;
