#!/usr/bin/env bash
# Cold start of the packaged server: time from the command to /actuator/health/readiness UP (the
# node would take traffic), on an empty data dir each run, for `java -jar sspr-server.jar` and for
# the server/src/main/dist/sspr-server launcher (its start-up cache: CDS on Java 17-24, the AOT
# cache on Java 25+; its first run trains the cache and is reported apart).
# Usage: bench/coldstart.sh [runs]   (build first: ./mvnw -B -q package -DskipTests -pl server -am)
# JAVA_HOME picks the Java, e.g. JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64 bench/coldstart.sh 3
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
jar=$root/server/target/sspr-server.jar
launcher=$root/server/src/main/dist/sspr-server
runs=${1:-3}
java=${JAVA_HOME:+$JAVA_HOME/bin/}java
export SSPR_CACHE_DIR=$(mktemp -d)
trap 'rm -rf "$SSPR_CACHE_DIR"' EXIT
echo "$("$java" -version 2>&1 | head -1); $(nproc) cores; load $(cut -d' ' -f1-3 /proc/loadavg)"

# Runs one start of "$@" in a fresh folder and data dir; prints the milliseconds to ready.
start() {
  local d pid s e
  d=$(mktemp -d)
  s=$(date +%s%N)
  (cd "$d" && exec "$@" --server.port=18080 --sspr.directory.embedded.port=11389 > log 2>&1) &
  pid=$!
  until curl -sf localhost:18080/actuator/health/readiness > /dev/null; do
    kill -0 "$pid" 2> /dev/null || { echo "the server exited:" >&2; tail -20 "$d/log" >&2; exit 1; }
    sleep 0.05
  done
  e=$(date +%s%N)
  echo "$(( (e - s) / 1000000 )) ms to ready ($(grep -o 'Started SsprServerApplication in [0-9.]* seconds' "$d/log"))"
  kill "$pid" 2> /dev/null || true
  wait "$pid" 2> /dev/null || true
  while curl -sf localhost:18080/actuator/health/liveness > /dev/null 2>&1; do sleep 0.1; done
  rm -rf "$d"
}

for i in $(seq 1 "$runs"); do echo "java -jar, run $i: $(start "$java" -jar "$jar")"; done
echo "launcher, first run (trains its cache): $(start "$launcher")"
for i in $(seq 1 "$runs"); do echo "launcher, run $i: $(start "$launcher")"; done
ls -l "$jar" | awk '{printf "jar: %s bytes (%.1f MiB)\n", $5, $5/1048576}'
du -sh "$SSPR_CACHE_DIR" | awk '{print "start-up cache: " $1}'
