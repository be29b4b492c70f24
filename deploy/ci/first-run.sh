#!/usr/bin/env bash
# A newcomer's first `./shop up -d`, checked from nothing (.ci/run runs it before anything else has warmed a
# cache): its own empty state directory (pids, logs, data) and cache directory (unpacked jars, PostgreSQL
# binaries), so nothing an earlier run extracted, formatted or initialised can help.
#
#   1. the first try is killed half-way through extracting the PostgreSQL binaries (kill -9 of the JVM, as
#      the OOM killer or a closed laptop would); it must leave no half-extracted directory in use
#   2. the next `./shop up -d` repairs that and reaches "all healthy"; `./shop status` agrees
#   3. the same for initdb: PostgreSQL's start killed while its data directory is being created, then the
#      next start (of PostgreSQL alone: try 2 has shown the whole stack coming up)
#   4. `./shop down`
#
# Builds what is missing first (on a fresh clone: everything). Prints each try's output; exits non-zero with
# the logs when a check fails.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
cd "$ROOT"
STARTED=$SECONDS
WORK=$(mktemp -d "${TMPDIR:-/tmp}/shop-first-run.XXXXXX")
export SHOP_STATE_DIR=$WORK/state SHOP_CACHE_DIR=$WORK/cache NO_COLOR=1
PARTIAL_GLOB="$SHOP_CACHE_DIR/postgres/*.partial"

log() { printf '[first-run %4ss] %s\n' "$((SECONDS - STARTED))" "$*"; }
fail() {
  log "FAILED: $*"
  exit 1
}

finish() {
  local status=$?
  if ((status != 0)); then
    for file in "$WORK"/*.out "$SHOP_STATE_DIR"/logs/*.log; do
      [[ -f $file ]] && { echo "=== last 60 lines of $file"; tail -n 60 "$file"; }
    done
  fi
  ./shop down >/dev/null 2>&1 || true
  rm -rf "$WORK"
  log "first-run check $( ((status == 0)) && echo passed || echo failed) in $((SECONDS - STARTED)) s"
  exit "$status"
}
trap finish EXIT

files_in() { find "$@" -type f 2>/dev/null | wc -l; }

# Waits (bounded) until CONDITION holds while the background command PID runs; kills the component's JVM
# with SIGKILL at that moment. Fails if the command ended first: the moment was never seen.
kill_component_when() { # pid component seconds condition...
  local pid=$1 component=$2 deadline=$((SECONDS + $3)) victim
  shift 3
  until "$@"; do
    kill -0 "$pid" 2>/dev/null || fail "the start ended before the moment to kill $component came"
    ((SECONDS < deadline)) || fail "the moment to kill $component did not come within the time allowed"
    sleep 0.05
  done
  victim=$(<"$SHOP_STATE_DIR/run/$component.pid")
  kill -KILL "$victim"
  log "kill -9 of $component's JVM (pid $victim)"
}

extraction_half_way() { (($(files_in $PARTIAL_GLOB) >= 100)); }
initdb_half_way() {
  compgen -G "$SHOP_STATE_DIR/data/postgres.initdb-*" >/dev/null &&
    (($(files_in "$SHOP_STATE_DIR"/data/postgres.initdb-*) >= 20))
}

# --- 1. The first try, killed while it extracts the PostgreSQL binaries ----------------------------------
log "try 1: ./shop up -d from nothing (state and cache in $WORK), killed half-way through the extraction"
./shop up -d >"$WORK/try1.out" 2>&1 &
UP=$!
# The build comes first: minutes on a fresh clone.
kill_component_when "$UP" postgres 900 extraction_half_way
if wait "$UP"; then fail "./shop up -d succeeded although PostgreSQL was killed"; fi
sed 's/^/    /' "$WORK/try1.out"
compgen -G "$PARTIAL_GLOB" >/dev/null || fail "no half-extracted directory: the kill came too late to test anything"
log "left behind: $(basename $PARTIAL_GLOB) with $(files_in $PARTIAL_GLOB) files, no complete copy"
[[ -z $(find "$SHOP_CACHE_DIR/postgres" -mindepth 1 -maxdepth 1 -type d ! -name '*.partial') ]] ||
  fail "a complete-looking copy of the binaries exists after the kill"

# --- 2. The next try repairs it ---------------------------------------------------------------------------
log "try 2: ./shop up -d"
./shop up -d >"$WORK/try2.out" 2>&1 || { cat "$WORK/try2.out"; fail "./shop up -d did not reach all healthy"; }
sed 's/^/    /' "$WORK/try2.out"
grep -q 'removing an incomplete extraction left by an interrupted start' "$WORK/try2.out" ||
  fail "try 2 did not say that it removed the half-extracted directory"
grep -Eq 'The shop is up \(all [0-9]+ components healthy' "$WORK/try2.out" || fail "try 2 did not report all healthy"
./shop status >/dev/null || { ./shop status; fail "./shop status does not say every component is UP"; }
! compgen -G "$PARTIAL_GLOB" >/dev/null || fail "the half-extracted directory is still there"

# --- 3. A start killed while initdb creates the data directory, then up again -----------------------------
log "try 3: ./shop down --wipe, ./shop start postgres killed half-way through initdb, then ./shop start postgres"
./shop down --wipe >/dev/null
./shop start postgres >"$WORK/try3.out" 2>&1 &
START=$!
kill_component_when "$START" postgres 120 initdb_half_way
if wait "$START"; then fail "./shop start postgres succeeded although it was killed"; fi
[[ ! -e $SHOP_STATE_DIR/data/postgres ]] || fail "a data directory appeared although initdb never finished"
./shop start postgres >"$WORK/try4.out" 2>&1 || { cat "$WORK/try4.out"; fail "./shop start postgres failed"; }
sed 's/^/    /' "$WORK/try4.out"
grep -q 'left by an interrupted initdb' "$WORK/try4.out" || fail "the next start did not say it removed the unfinished initdb"
grep -q 'postgres *ready' "$WORK/try4.out" || fail "PostgreSQL did not become ready after the unfinished initdb"

# --- 4. Down ----------------------------------------------------------------------------------------------
./shop down >/dev/null
log "a first start killed during the extraction and one killed during initdb were both repaired by the next"
