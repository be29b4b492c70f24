#!/usr/bin/env bash
# Runs once, on the first start of the postgres container (from /docker-entrypoint-initdb.d): one login
# role and one database per service, each role owning only its own database. Passwords come from the
# environment (deploy/.env), never from this file.
set -euo pipefail

create() { # role database password
  psql -v ON_ERROR_STOP=1 --username "${POSTGRES_USER:-postgres}" --dbname postgres \
    -v role="$1" -v db="$2" -v password="$3" <<'SQL'
CREATE ROLE :"role" LOGIN PASSWORD :'password';
CREATE DATABASE :"db" OWNER :"role";
REVOKE ALL ON DATABASE :"db" FROM PUBLIC;
SQL
  echo "created database $2 for role $1"
}

create customer customer "$CUSTOMER_DB_PASSWORD"
create catalog catalog "$CATALOG_DB_PASSWORD"
create cart cart "$CART_DB_PASSWORD"
create orders orders "$ORDER_DB_PASSWORD"
create payment payment "$PAYMENT_DB_PASSWORD"
create notification notification "$NOTIFICATION_DB_PASSWORD"
create shipping shipping "$SHIPPING_DB_PASSWORD"
create loyalty loyalty "$LOYALTY_DB_PASSWORD"
