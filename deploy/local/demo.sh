#!/usr/bin/env bash
# ./shop demo: one customer's journey through the gateway, step by step.
# Needs curl and jq, and a running stack (./shop up -d). SHOP_BASE_URL (default http://localhost:8080) and
# SHOP_IMAP (default 127.0.0.1:3143) point it at another stack.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
BASE="${SHOP_BASE_URL:-http://localhost:8080}"
IMAP="${SHOP_IMAP:-127.0.0.1:3143}"

for tool in curl jq; do
  command -v "$tool" >/dev/null || { echo "demo needs $tool (apt-get install $tool)" >&2; exit 1; }
done

step() { printf '\n== %s\n' "$*"; }
# api METHOD PATH [BODY] [extra curl args...]: prints the body, fails on a non-2xx status.
api() {
  local method=$1 path=$2 body=${3:-} out status
  shift 3 2>/dev/null || shift $#
  out=$(mktemp)
  status=$(curl -sS -o "$out" -w '%{http_code}' -X "$method" "$BASE$path" \
    ${TOKEN:+-H "Authorization: Bearer $TOKEN"} \
    ${body:+-H 'Content-Type: application/json' --data "$body"} "$@")
  if [[ $status != 2* ]]; then
    echo "$method $path -> HTTP $status" >&2; cat "$out" >&2; echo >&2; rm -f "$out"; return 1
  fi
  cat "$out"; rm -f "$out"
}

curl -sf "$BASE/actuator/health" >/dev/null || { echo "The gateway at $BASE is not up: run ./shop up -d first." >&2; exit 1; }

EMAIL="demo-$(date +%s)@example.com"
PASSWORD="demo-password-1"
TOKEN=""

step "Register $EMAIL"
api POST /api/customers "{\"email\":\"$EMAIL\",\"password\":\"$PASSWORD\",\"name\":\"Demo Customer\"}" | jq .

step "Log in"
TOKEN=$(api POST /api/auth/token "{\"email\":\"$EMAIL\",\"password\":\"$PASSWORD\"}" | jq -r .access_token)
echo "got a bearer token (${#TOKEN} characters)"

step "Browse the catalogue"
PRODUCTS=$(api GET '/api/products?size=50')
echo "$PRODUCTS" | jq -r '.content[:5][] | "\(.sku)\t\(.name)\t\(.price.amount) \(.price.currency)\tin stock: \(.available)"'
echo "... $(echo "$PRODUCTS" | jq .page.totalElements) products in all"
FIRST=$(echo "$PRODUCTS" | jq -r '[.content[] | select(.available >= 2)][0].id')
SECOND=$(echo "$PRODUCTS" | jq -r '[.content[] | select(.available >= 1)][1].id')

step "Add two products to the cart"
api POST /api/cart/items "{\"productId\":\"$FIRST\",\"quantity\":2}" >/dev/null
api POST /api/cart/items "{\"productId\":\"$SECOND\",\"quantity\":1}" >/dev/null
api GET /api/cart | jq -r '(.items[] | "\(.quantity) x \(.name) at \(.unitPrice.amount) = \(.lineTotal.amount)"), "total: \(.total.amount) \(.total.currency)"'

step "Check out with tok_visa"
ORDER=$(api POST /api/orders '{"paymentToken":"tok_visa","shippingAddress":{"name":"Demo Customer","line1":"1 Main Street","city":"Utrecht","postalCode":"3511 AB","country":"NL"}}' \
  -H "Idempotency-Key: demo-$(date +%s%N)")
ORDER_ID=$(echo "$ORDER" | jq -r .id)
echo "order $ORDER_ID is $(echo "$ORDER" | jq -r .status)"

step "Wait until the order is final"
for _ in $(seq 1 60); do
  STATUS=$(api GET "/api/orders/$ORDER_ID" | jq -r .status)
  [[ $STATUS != PENDING ]] && break
  sleep 0.5
done
api GET "/api/orders/$ORDER_ID" | jq -r '"order \(.id) is \(.status)\(if .rejectionReason then " (\(.rejectionReason))" else "" end)",
  (.items[] | "  \(.quantity) x \(.name)"), "total: \(.total.amount) \(.total.currency)"'

step "Loyalty points (loyalty-service credits them from the order.confirmed.v1 event)"
for _ in $(seq 1 40); do
  LOYALTY=$(api GET /api/customers/me/loyalty)
  [[ $(echo "$LOYALTY" | jq .points) != 0 ]] && break
  sleep 0.5
done
echo "$LOYALTY" | jq -r '"\(.points) points, tier \(.tier) (\(.benefit))"'
api GET /api/customers/me/loyalty/ledger | jq -r '.items[] | "  \(.kind) \(.points) for order \(.orderId) (\(.reason))"'

step "E-mails (notification-service sends one per event)"
for _ in $(seq 1 40); do
  NOTES=$(api GET /api/customers/me/notifications)
  [[ $(echo "$NOTES" | jq '[.[] | select(.type == "ORDER_CONFIRMED" and .status == "SENT")] | length') -gt 0 ]] && break
  sleep 0.5
done
echo "$NOTES" | jq -r 'sort_by(.createdAt)[] | "  \(.status)  \(.type)  \"\(.subject)\""'

step "The e-mails as they arrived at the mail server (IMAP $IMAP)"
SHOP_IMAP=$IMAP "$ROOT/shop" mail "$EMAIL" || echo "(could not read the mailbox at $IMAP)"
