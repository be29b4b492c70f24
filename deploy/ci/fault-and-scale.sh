#!/usr/bin/env bash
# Checks against a running compose stack. The compose stage (step 6) runs `scale`; crashes there are the
# fault-injection suite's job (resilience-tests, step 5), which kills every service and checks far more.
# `crash` stays as a one-minute smoke test that needs nothing but curl and jq.
#   crash  - places orders while the order-service and notification-service containers die (SIGKILL to
#            their main process) and Docker's restart policy (restart: unless-stopped) restarts them; then
#            every order must end CONFIRMED or REJECTED, with floor(total) points credited once per
#            confirmed order and exactly one e-mail per order (at the SMTP server, next to the customer's
#            welcome mail, and in the history API).
#   scale  - runs two notification-service replicas, shows from Kafka that both share the partitions of
#            order-events, and that orders placed afterwards still get exactly one e-mail and their points.
# Talks only to the gateway and the mail server on loopback. Every wait is bounded.
#
# Needs: curl, jq; env GATEWAY (http://127.0.0.1:38080), IMAP_PORT, ADMIN_EMAIL, ADMIN_PASSWORD, and
# COMPOSE_FILES (the -f arguments of docker-compose) and COMPOSE (docker-compose or "docker compose").
set -euo pipefail

: "${GATEWAY:?}" "${IMAP_PORT:?}" "${ADMIN_EMAIL:?}" "${ADMIN_PASSWORD:?}" "${COMPOSE_FILES:?}"
read -r -a COMPOSE_CMD <<<"${COMPOSE:-docker-compose}"
read -r -a FILES <<<"$COMPOSE_FILES"
compose() { "${COMPOSE_CMD[@]}" "${FILES[@]}" "$@"; }

WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
FAILURES=0

log() { printf '[%s] %s\n' "$(date +%H:%M:%S)" "$*"; }
fail() { printf '[%s] FAILED: %s\n' "$(date +%H:%M:%S)" "$*"; FAILURES=$((FAILURES + 1)); }

# api METHOD PATH [TOKEN] [BODY] [EXTRA HEADER] -> prints "STATUS BODY"; status 000 when unreachable.
api() {
  local method=$1 path=$2 token=${3:-} body=${4:-} header=${5:-} file="$WORK/body.$BASHPID"
  local args=(-s -m 20 -o "$file" -w '%{http_code}')
  [[ -n $token ]] && args+=(-H "Authorization: Bearer $token")
  [[ -n $header ]] && args+=(-H "$header")
  [[ -n $body ]] && args+=(-H 'Content-Type: application/json' --data "$body")
  local status
  status=$(curl "${args[@]}" -X "$method" "$GATEWAY$path" || true)
  printf '%s %s\n' "${status:-000}" "$(cat "$file" 2>/dev/null || true)"
  rm -f "$file"
}

# Like api, but retries (same request, so the same Idempotency-Key) while the stack answers 5xx or not at
# all: that is what a client does while a service restarts. Bounded: 60 tries, 2 s apart.
api_retry() {
  local out i
  for ((i = 1; i <= 60; i++)); do
    out=$(api "$@")
    case ${out%% *} in 000 | 5*) sleep 2 ;; *) printf '%s\n' "$out"; return 0 ;; esac
  done
  printf '%s\n' "$out"
}

token_of() { api_retry POST /api/auth/token "" "{\"email\":\"$1\",\"password\":\"$2\"}" | cut -d' ' -f2- | jq -r .access_token; }

# Registers a customer, fills the cart with QUANTITY of PRODUCT; writes "email token" to a file.
new_customer() { # name product quantity file
  local email="$1-$RANDOM$RANDOM@example.com" password=correct-horse-battery token out
  out=$(api_retry POST /api/customers "" "{\"email\":\"$email\",\"password\":\"$password\",\"name\":\"$1\"}")
  [[ ${out%% *} == 201 ]] || { fail "registering $email: $out"; return 0; }
  token=$(token_of "$email" "$password")
  out=$(api_retry POST /api/cart/items "$token" "{\"productId\":\"$2\",\"quantity\":$3}")
  [[ ${out%% *} == 20[01] ]] || fail "adding to the cart of $email: $out"
  printf '%s %s\n' "$email" "$token" >"$4"
}

# Checks out; writes "email token orderId" to file.order, retrying 5xx/unreachable with the same key.
place_order() { # customer-file payment-token
  local email token key out status
  read -r email token <"$1"
  key=$(cat /proc/sys/kernel/random/uuid)
  out=$(api_retry POST /api/orders "$token" \
    "{\"paymentToken\":\"$2\",\"shippingAddress\":{\"name\":\"Fault Test\",\"line1\":\"1 Main Street\",\"city\":\"Utrecht\",\"postalCode\":\"3511 AB\",\"country\":\"NL\"}}" \
    "Idempotency-Key: $key")
  status=${out%% *}
  if [[ $status == 201 || $status == 202 ]]; then
    printf '%s %s %s\n' "$email" "$token" "$(jq -r .id <<<"${out#* }")" >"$1.order"
  else
    fail "checkout of $email answered $out"
  fi
}

imap_count() { # recipient -> number of messages in the mailbox (GreenMail: any password)
  curl -s -m 10 "imap://127.0.0.1:$IMAP_PORT/" -u "$1:any" -X 'EXAMINE INBOX' 2>/dev/null |
    sed -n 's/^\* \([0-9]*\) EXISTS.*/\1/p' | head -n 1
}

# Waits (bounded) until every order is final, then checks points and e-mails for each customer.
verify_orders() { # files...
  local file email token id order status total points expected notes mails deadline confirmed=0 rejected=0
  for file in "$@"; do
    [[ -f $file.order ]] || continue
    read -r email token id <"$file.order"
    deadline=$((SECONDS + 120))
    while :; do
      order=$(api GET "/api/orders/$id" "$token")
      status=$(jq -r .status <<<"${order#* }" 2>/dev/null || echo unknown)
      [[ $status == CONFIRMED || $status == REJECTED ]] && break
      ((SECONDS < deadline)) || break
      sleep 1
    done
    case $status in
      CONFIRMED)
        confirmed=$((confirmed + 1))
        total=$(jq -r .total.amount <<<"${order#* }")
        expected=${total%%.*} ;;
      REJECTED) rejected=$((rejected + 1)); expected=0 ;;
      *) fail "order $id of $email is $status after 120 s"; continue ;;
    esac
    echo "$email $id $status $expected" >>"$WORK/outcomes"
  done
  log "orders: $confirmed CONFIRMED, $rejected REJECTED"

  # Eventual effects: wait until they are there, then once more after a pause to catch a second credit
  # or a second e-mail arriving late.
  local pass
  for pass in settle recheck; do
    [[ $pass == recheck ]] && sleep 5
    while read -r email id status expected; do
      token=$(awk -v e="$email" '$1 == e { print $2 }' "$@" 2>/dev/null | head -n 1)
      deadline=$((SECONDS + 90))
      while :; do
        points=$(api GET /api/customers/me/loyalty "$token" | cut -d' ' -f2- | jq -r .points 2>/dev/null || echo '?')
        notes=$(api GET /api/customers/me/notifications "$token" | cut -d' ' -f2- |
          jq -r '[(if type == "array" then . else .content end)[] | select(.type | startswith("ORDER_"))] | length' \
          2>/dev/null || echo '?')
        # The welcome mail of the registration, and the order's.
        mails=$(imap_count "$email")
        [[ $points == "$expected" && $notes == 1 && $mails == 2 ]] && break
        [[ $pass == settle ]] && ((SECONDS < deadline)) || break
        sleep 2
      done
      [[ $points == "$expected" ]] || fail "$email ($status order $id): $points loyalty points, expected $expected"
      [[ $notes == 1 ]] || fail "$email ($status order $id): $notes notifications in the history, expected 1"
      [[ $mails == 2 ]] || fail "$email ($status order $id): $mails e-mails at the SMTP server, expected 2 (welcome and order)"
    done <"$WORK/outcomes"
    ((FAILURES == 0)) || return 0
  done
  log "every order is final, with its points credited once and exactly one e-mail"
  : >"$WORK/outcomes"
}

container_of() { compose ps -q "$1" | head -n 1; }

wait_healthy() { # service [count]: bounded wait until COUNT containers of SERVICE are healthy
  local service=$1 want=${2:-1} deadline=$((SECONDS + 240)) healthy id
  while :; do
    healthy=0
    for id in $(compose ps -q "$service"); do
      [[ $(docker inspect -f '{{if .State.Health}}{{.State.Health.Status}}{{end}}' "$id") == healthy ]] && healthy=$((healthy + 1))
    done
    ((healthy >= want)) && return 0
    ((SECONDS < deadline)) || { fail "$service: $healthy of $want containers healthy after 240 s"; return 1; }
    sleep 2
  done
}

setup() {
  ADMIN=$(token_of "$ADMIN_EMAIL" "$ADMIN_PASSWORD")
  [[ -n $ADMIN && $ADMIN != null ]] || { fail "admin login"; exit 1; }
  local sku out
  sku="FAULT-$RANDOM$RANDOM"
  out=$(api_retry POST /api/products "$ADMIN" \
    "{\"sku\":\"$sku\",\"name\":\"Fault test mug\",\"description\":\"compose stage\",\"category\":\"e2e\",\"price\":{\"amount\":\"12.75\",\"currency\":\"EUR\"},\"available\":1000}")
  [[ ${out%% *} == 201 ]] || { fail "creating the product: $out"; exit 1; }
  PRODUCT=$(jq -r .id <<<"${out#* }")
}

crash() {
  local n=24 i files=() pids=() order_container notification_container pid service id
  log "crash: $n customers fill their carts"
  for ((i = 1; i <= n; i++)); do
    new_customer "crash$i" "$PRODUCT" $((i % 3 + 1)) "$WORK/crash$i" &
    pids+=($!)
    files+=("$WORK/crash$i")
    ((i % 4 == 0)) && wait
  done
  wait
  # Look the containers up first: docker-compose takes a second or two per call.
  order_container=$(container_of order-service)
  notification_container=$(container_of notification-service)
  log "crash: placing $n orders (every 4th declined) in 4 lanes, while services die"
  pids=()
  for lane in 0 1 2 3; do
    (
      for ((i = lane + 1; i <= n; i += 4)); do
        if ((i % 4 == 0)); then place_order "$WORK/crash$i" tok_chargeDeclined; else place_order "$WORK/crash$i" tok_visa; fi
        sleep 1
      done
    ) &
    pids+=($!)
  done
  sleep 3
  # The container dies the way a crash or the OOM killer ends it: its main process gets SIGKILL. (A
  # `docker kill` is an operator's stop to Docker, which then skips the restart policy, and a container
  # started again by hand gets a new address that the gateway's DNS cache keeps missing; see README.)
  for id in "$order_container" "$notification_container"; do
    pid=$(docker inspect -f '{{.State.Pid}}' "$id")
    log "crash: $(docker inspect -f '{{.Name}}' "$id")'s process dies (kill -9 $pid) while orders are placed"
    kill -9 "$pid"
  done
  for pid in "${pids[@]}"; do wait "$pid" || true; done
  sleep 5
  wait_healthy order-service
  wait_healthy notification-service
  for id in "$order_container" "$notification_container"; do
    log "crash: $(docker inspect -f '{{.Name}} restarted {{.RestartCount}} time(s) by its restart policy, now {{.State.Status}}' "$id")"
    [[ $(docker inspect -f '{{.RestartCount}}' "$id") -ge 1 ]] || fail "$id was not restarted by its restart policy"
  done
  verify_orders "${files[@]}"
}

describe_group() {
  compose exec -T kafka /opt/kafka/bin/kafka-consumer-groups.sh --bootstrap-server localhost:9092 \
    --describe --group notification-service.email 2>/dev/null
}

scale() {
  local deadline members partitions out n=6 i files=()
  log "scale: notification-service to 2 replicas"
  compose up -d --no-deps --no-recreate --scale notification-service=2 notification-service >/dev/null 2>&1
  wait_healthy notification-service 2 || return 0
  deadline=$((SECONDS + 120))
  while :; do
    out=$(describe_group || true)
    # Rows: GROUP TOPIC PARTITION CURRENT-OFFSET LOG-END-OFFSET LAG CONSUMER-ID HOST CLIENT-ID
    members=$(awk '$2 == "order-events" && $7 != "-" { print $7 }' <<<"$out" | sort -u | wc -l)
    partitions=$(awk '$2 == "order-events" && $7 != "-" { print $3 }' <<<"$out" | sort -u | wc -l)
    ((members == 2 && partitions == 3)) && break
    ((SECONDS < deadline)) || break
    sleep 3
  done
  printf '%s\n' "$out"
  if ((members == 2 && partitions == 3)); then
    log "scale: 2 consumers share the 3 partitions of order-events"
  else
    fail "consumer group notification-service.email: $members members on $partitions partitions, expected 2 on 3"
  fi
  log "scale: $n more orders with two replicas"
  for ((i = 1; i <= n; i++)); do
    new_customer "scaled$i" "$PRODUCT" 1 "$WORK/scaled$i"
    files+=("$WORK/scaled$i")
  done
  for file in "${files[@]}"; do place_order "$file" tok_visa; done
  verify_orders "${files[@]}"
}

setup
case ${1:-all} in
  crash) crash ;;
  scale) scale ;;
  all) crash; scale ;;
esac
if ((FAILURES > 0)); then
  log "$FAILURES check(s) failed"
  exit 1
fi
log "fault and scale checks passed"
