#!/usr/bin/env bash
# The compose stage of CI (.ci/run calls it after the Maven build): runs deploy/docker-compose.yml on a
# real Docker engine and checks it.
#   1. installs Debian's docker.io and docker-compose if missing and starts dockerd
#   2. builds local stand-ins for the official base images (no registry is reachable here), and runs
#      platform/messaging's integration tests on Testcontainers started from two of them
#   3. docker-compose up -d --build, waits for every health check
#   4. the end-to-end API tests (e2e-tests) against the gateway's published port
#   5. the fault-injection suite (resilience-tests, CI size, faults.control=compose) under load: every
#      service's container loses its JVM to kill -9 and comes back by its restart policy, Kafka and
#      PostgreSQL restart, the payment simulator turns slow and failing, order events are re-published;
#      then money, stock, points, e-mails and outboxes must add up
#   6. notification-service scaled to 2 replicas share the Kafka partitions and keep working
#      (fault-and-scale.sh scale)
#   7. tears everything down, also on failure, after printing every container's log
# Without Docker on a developer's machine it says so and skips; with CI=true it must run.
# SHOP_CI_USE_BUILT_JARS=true skips the jar build of step 2 (jars built and installed already).
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
cd "$ROOT"
STARTED=$SECONDS
CI_ENV=deploy/ci/ci.env
COMPOSE_FILES="--env-file $CI_ENV -f deploy/docker-compose.yml -f deploy/ci/docker-compose.ci.yml"
export DOCKER_BUILDKIT=0 COMPOSE_DOCKER_CLI_BUILD=0 # the legacy builder is in every engine; see README

log() { printf '[compose-stage %4ss] %s\n' "$((SECONDS - STARTED))" "$*"; }

skip_or_fail() {
  if [[ ${CI:-} == true ]]; then
    log "FAILED: $* (CI must run the compose stage)"
    exit 1
  fi
  log "SKIPPED: $*. Install Docker (and docker-compose or the compose plugin) to run this stage."
  exit 0
}

# --- 1. Docker ---------------------------------------------------------------------------------------
install_tools() {
  local missing=()
  command -v dockerd >/dev/null || missing+=(docker.io)
  command -v docker-compose >/dev/null || docker compose version >/dev/null 2>&1 || missing+=(docker-compose)
  command -v debootstrap >/dev/null || missing+=(debootstrap)
  command -v jq >/dev/null || missing+=(jq)
  command -v curl >/dev/null || missing+=(curl)
  command -v openssl >/dev/null || missing+=(openssl)
  ((${#missing[@]} == 0)) && return 0
  if [[ $(id -u) != 0 ]] || ! command -v apt-get >/dev/null; then
    skip_or_fail "missing ${missing[*]} and cannot install them (needs root and apt-get)"
  fi
  log "installing ${missing[*]}"
  apt-get update -qq >/dev/null || skip_or_fail "apt-get update failed"
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null ||
    skip_or_fail "apt-get install ${missing[*]} failed"
}

start_docker() {
  docker info >/dev/null 2>&1 && return 0
  [[ $(id -u) == 0 ]] && command -v dockerd >/dev/null || skip_or_fail "no Docker engine is running"
  log "starting dockerd (log: /var/log/dockerd.log)"
  # The daemon outlives this script: it must not keep any descriptor it would inherit open (a caller's
  # flock, a pipe a CI runner waits on), or the lock is never released and the runner never sees EOF.
  (
    for fd in /proc/self/fd/*; do
      fd=${fd##*/}
      ((fd > 2)) && eval "exec ${fd}>&-" 2>/dev/null
    done
    exec setsid dockerd </dev/null >/var/log/dockerd.log 2>&1
  ) &
  local i
  for ((i = 0; i < 60; i++)); do
    docker info >/dev/null 2>&1 && return 0
    sleep 1
  done
  tail -n 20 /var/log/dockerd.log || true
  skip_or_fail "dockerd did not start within 60 s"
}

install_tools
start_docker
if command -v docker-compose >/dev/null; then COMPOSE="docker-compose"; else COMPOSE="docker compose"; fi
read -r -a COMPOSE_CMD <<<"$COMPOSE"
read -r -a FILES <<<"$COMPOSE_FILES"
compose() { "${COMPOSE_CMD[@]}" "${FILES[@]}" "$@"; }
log "Docker $(docker version -f '{{.Server.Version}}'), $("${COMPOSE_CMD[@]}" version --short 2>/dev/null || echo compose)"

# Anything left by an interrupted earlier run goes first, so ports and volumes are free.
compose down -v --remove-orphans >/dev/null 2>&1 || true

# --- 7. Teardown, whatever happens ---------------------------------------------------------------------
teardown() {
  local status=$?
  if ((status != 0)); then
    log "FAILED (exit $status): state and logs of every container"
    compose ps || true
    compose logs --no-color --tail=300 || true
    if [[ -f resilience-tests/target/resilience-report.md ]]; then
      log "the fault-injection report (resilience-tests/target/resilience-report.md)"
      cat resilience-tests/target/resilience-report.md
    fi
  fi
  log "tearing down: $COMPOSE ... down -v"
  timeout 180 "${COMPOSE_CMD[@]}" "${FILES[@]}" down -v --remove-orphans >/dev/null 2>&1 || true
  log "compose stage $( ((status == 0)) && echo passed || echo failed) in $((SECONDS - STARTED)) s"
  exit "$status"
}
trap teardown EXIT
# A report left by an earlier run (.ci/run's against ./shop) must not be printed as if this stage wrote it.
rm -f resilience-tests/target/resilience-report.md

# --- 2. Jars and base images ---------------------------------------------------------------------------
JAVA_HOME=$(./shop java-home)
export JAVA_HOME
if [[ ${SHOP_CI_USE_BUILT_JARS:-} == true ]]; then
  # A developer re-running the stage on jars built (and installed) already; CI always builds.
  log "using the jars as they are (SHOP_CI_USE_BUILT_JARS=true)"
else
  log "building the jars (./mvnw -DskipTests install: the images copy them, e2e-tests resolves them)"
  ./mvnw -B -ntp -q -DskipTests install
fi
log "building the stand-in base images"
deploy/ci/substitute-images.sh
log "platform/messaging's integration tests on Testcontainers (local/postgres:17, local/kafka:substitute)"
# Inside a container (/.dockerenv) Testcontainers asks the engine for the bridge network's gateway, and where the
# engine names none (Debian's docker.io does not) it runs a helper image (alpine) to find it: a pull, which fails
# here. The engine this stage uses runs in this machine's own network namespace (docker0 is one of its
# interfaces), so the containers' published ports are on localhost: saying so needs no image at all.
if [[ -z ${TESTCONTAINERS_HOST_OVERRIDE:-} && -e /sys/class/net/docker0 ]]; then
  export TESTCONTAINERS_HOST_OVERRIDE=localhost
fi
SHOP_TEST_INFRA=testcontainers SHOP_TEST_POSTGRES_IMAGE=local/postgres:17 SHOP_TEST_KAFKA_IMAGE=local/kafka:substitute \
  TESTCONTAINERS_RYUK_DISABLED=true ./mvnw -B -ntp -q -o verify -pl platform/messaging
# What a fresh machine would have too: nothing but the stand-ins above (no registry is reachable here). The log says
# so, so a run that passed only thanks to an image left by earlier work would show it.
log "images on the engine: $(docker images --format '{{.Repository}}:{{.Tag}}' | sort | tr '\n' ' ')"

# --- 3. Up ---------------------------------------------------------------------------------------------
set -a
# shellcheck source=ci.env
. "$CI_ENV"
set +a
# A throw-away signing key for this run, exported so every later compose command sees it too.
SHOP_JWT_PRIVATE_KEY=$(openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 2>/dev/null | grep -v -- ----- | tr -d '\n')
export SHOP_JWT_PRIVATE_KEY
log "$COMPOSE $COMPOSE_FILES up -d --build"
UP_LOG=$(mktemp)
compose up -d --build >"$UP_LOG" 2>&1 || { tail -n 80 "$UP_LOG"; exit 1; }
grep -E '^(Creating|Starting|Successfully tagged)' "$UP_LOG" || true

deadline=$((SECONDS + 300))
while :; do
  unhealthy=()
  for id in $(compose ps -q); do
    state=$(docker inspect -f '{{.Name}} {{.State.Status}} {{if .State.Health}}{{.State.Health.Status}}{{else}}no-healthcheck{{end}}' "$id")
    [[ $state == *" running healthy" ]] || unhealthy+=("$state")
  done
  ((${#unhealthy[@]} == 0)) && break
  if ((SECONDS > deadline)); then
    log "not healthy after 300 s: ${unhealthy[*]}"
    exit 1
  fi
  sleep 3
done
log "all $(compose ps -q | wc -l) containers are healthy"
compose ps

# --- 4. The end-to-end tests against the published gateway ---------------------------------------------
GATEWAY=http://127.0.0.1:$SHOP_GATEWAY_PORT
# The scenario tests only: the bad-input suite tests the same images' code, and has run against ./shop already.
log "end-to-end tests against $GATEWAY"
./mvnw -B -ntp -pl e2e-tests verify -Pe2e -De2e.skipStackControl=true "-De2e.baseUrl=$GATEWAY" \
  -De2e.imapHost=127.0.0.1 "-De2e.imapPort=$SHOP_CI_IMAP_PORT" "-De2e.zipkinUrl=http://127.0.0.1:$SHOP_ZIPKIN_PORT" \
  "-De2e.adminEmail=$SHOP_ADMIN_EMAIL" "-De2e.adminPassword=$SHOP_ADMIN_PASSWORD" \
  '-De2e.excludes=**/BadInput*E2ETests.java'

# --- 5. Faults under load ------------------------------------------------------------------------------
# The suite reaches PostgreSQL, Kafka and the payment simulator through the loopback ports that
# ci/docker-compose.ci.yml publishes, and hurts only the containers of this compose project.
log "fault-injection suite against the compose stack (resilience-tests, -Pfaults)"
./mvnw -B -ntp -pl resilience-tests verify -Pfaults -Dfaults.control=compose \
  -Dfaults.skipStackControl=true "-Dfaults.composeProject=$COMPOSE_PROJECT_NAME" "-Dfaults.baseUrl=$GATEWAY" \
  "-Dfaults.pspUrl=http://127.0.0.1:$SHOP_CI_PSP_PORT" "-Dfaults.kafka=127.0.0.1:$SHOP_CI_KAFKA_PORT" \
  "-Dfaults.jdbcUrl=jdbc:postgresql://127.0.0.1:$SHOP_CI_POSTGRES_PORT/" -Dfaults.dbUser=postgres \
  "-Dfaults.dbPassword=$POSTGRES_PASSWORD" -Dfaults.imapHost=127.0.0.1 "-Dfaults.imapPort=$SHOP_CI_IMAP_PORT" \
  "-Dfaults.adminEmail=$SHOP_ADMIN_EMAIL" "-Dfaults.adminPassword=$SHOP_ADMIN_PASSWORD"

# --- 6. A consumer scales out --------------------------------------------------------------------------
log "scale check"
GATEWAY=$GATEWAY IMAP_PORT=$SHOP_CI_IMAP_PORT ADMIN_EMAIL=$SHOP_ADMIN_EMAIL ADMIN_PASSWORD=$SHOP_ADMIN_PASSWORD \
  COMPOSE="$COMPOSE" COMPOSE_FILES="$COMPOSE_FILES" deploy/ci/fault-and-scale.sh scale
