#!/usr/bin/env bash
# Search benchmark for catalog-service (not a test): loads 100,000 generated products into the catalogue
# database, warms up, then measures one filtered full-text query with facets for a bounded time, through the
# gateway and directly, and prints p50, p99 and throughput. Budget: p99 under 50 ms at 100,000 products.
#
# It uses a running stack (./shop up -d, or any catalog-service + gateway); it starts nothing itself.
# Traffic goes to loopback only; every loop is bounded in time. See README.md beside this script.
set -euo pipefail

GATEWAY_URL=${GATEWAY_URL:-http://localhost:8080}
CATALOG_URL=${CATALOG_URL:-http://localhost:8082}
PRODUCTS=${BENCH_PRODUCTS:-100000}
DURATION=${BENCH_DURATION:-30s}
WARMUP=${BENCH_WARMUP:-10s}
CONNECTIONS=${BENCH_CONNECTIONS:-"1 4"}
THREADS=${BENCH_THREADS:-2}
QUERY=${BENCH_QUERY:-"/api/products?q=organic&category=apparel&minPrice=20&maxPrice=150&attr.colour=navy&inStock=true&size=20"}
CLEANUP=${BENCH_CLEANUP:-false}
export PGHOST=${SHOP_DB_HOST:-localhost} PGPORT=${SHOP_DB_PORT:-15432} PGDATABASE=${SHOP_DB_NAME:-catalog}
export PGUSER=${SHOP_DB_USER:-postgres} PGPASSWORD=${SHOP_DB_PASSWORD:-postgres}

say() { printf '%s\n' "$*"; }
die() { printf 'search-benchmark: %s\n' "$*" >&2; exit 1; }

for url in "$GATEWAY_URL" "$CATALOG_URL"; do
  case $url in
    http://localhost:*|http://127.*|http://\[::1\]:*) ;;
    *) die "only loopback targets are allowed, not $url" ;;
  esac
done

command -v psql >/dev/null || die "psql is needed to load the products (Debian: apt-get install -y postgresql-client)"
if ! command -v wrk >/dev/null; then
  if [[ $(id -u) == 0 ]] && command -v apt-get >/dev/null; then
    say "Installing wrk (Debian package)..."
    apt-get install -y wrk >/dev/null 2>&1 || { apt-get update >/dev/null && apt-get install -y wrk >/dev/null; }
  else
    die "wrk is needed (Debian: apt-get install -y wrk)"
  fi
fi

curl -fsS -o /dev/null "$CATALOG_URL/actuator/health/readiness" || die "catalog-service is not up at $CATALOG_URL (./shop up -d)"

# ---- Load: catalog_generate_products() (Flyway V5) in chunks, so each transaction stays small and a rerun
# continues where the last one stopped. Generated skus start with GEN-.
have=$(psql -Atqc "select count(*) from product where id in (select product_id from variant where sku like 'GEN-%' and position = 0)")
if (( have < PRODUCTS )); then
  say "Loading $((PRODUCTS - have)) products into $PGDATABASE on $PGHOST:$PGPORT (have $have)..."
  start=$SECONDS
  chunk=10000
  for (( first = have + 1; first <= PRODUCTS; first += chunk )); do
    n=$(( PRODUCTS - first + 1 < chunk ? PRODUCTS - first + 1 : chunk ))
    psql -Atqc "select catalog_generate_products($first, $n, 'GEN')" >/dev/null
    printf '  %d/%d\n' $(( first + n - 1 )) "$PRODUCTS"
  done
  psql -qc "vacuum analyze product" -c "vacuum analyze variant" -c "vacuum analyze category"
  say "Loaded in $(( SECONDS - start )) s."
fi
psql -Atqc "select 'catalogue: ' || count(*) || ' products, ' || (select count(*) from variant) || ' variants' from product"

say "Query: $QUERY"
curl -fsS "$CATALOG_URL$QUERY" | python3 -c 'import json,sys; r=json.load(sys.stdin); print("  totalElements:", r["page"]["totalElements"], "| category facets:", len(r["facets"]["categories"]), "| attribute facets:", sorted(r["facets"]["attributes"]))'

run() { # label connections url -> prints one result line
  local label=$1 connections=$2 url=$3 out threads=$THREADS
  (( threads > connections )) && threads=$connections
  wrk -t"$threads" -c"$connections" -d"$WARMUP" "$url" >/dev/null
  out=$(wrk -t"$threads" -c"$connections" -d"$DURATION" --latency "$url")
  local p50 p99 rps non2xx
  p50=$(awk '$1 == "50%" {print $2}' <<<"$out")
  p99=$(awk '$1 == "99%" {print $2}' <<<"$out")
  rps=$(awk '/^Requests\/sec/ {print $2}' <<<"$out")
  non2xx=$(awk '/Non-2xx/ {print $NF}' <<<"$out")
  printf '%-8s %2s conn  p50 %-9s p99 %-9s throughput %8s req/s   errors %s\n' "$label" "$connections" "$p50" "$p99" \
    "$rps" "${non2xx:-0}"
}

say "Each run: warm-up $WARMUP, then $DURATION (wrk, closed loop; connections: $CONNECTIONS)."
say "Load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
for connections in $CONNECTIONS; do
  run direct "$connections" "$CATALOG_URL$QUERY"
  run gateway "$connections" "$GATEWAY_URL$QUERY"
done
say "Load average after: $(cut -d' ' -f1-3 /proc/loadavg)"

if [[ $CLEANUP == true ]]; then
  say "Removing the generated products..."
  psql -qc "begin" \
    -c "create temporary table gen on commit drop as select distinct product_id id from variant where sku like 'GEN-%'" \
    -c "delete from variant where product_id in (select id from gen)" \
    -c "delete from product where id in (select id from gen)" -c "commit"
fi
