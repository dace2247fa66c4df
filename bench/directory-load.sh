#!/usr/bin/env bash
# Raw LDAP load on the embedded directory of the packaged server: password writes at several
# concurrencies, then search latency (DirectoryLoad). Starts the server on a fresh data dir seeded
# with USERS users, on free ports, and stops it after. Usage:
#   bench/directory-load.sh [users] [concurrencies] [seconds]     (default 2000 1,4,16 10)
#   SSPR_JAR=/path/to/other/sspr-server.jar bench/directory-load.sh 20000
# Build first: ./mvnw -B -q package -DskipTests -pl server,bench -am
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
jar=${SSPR_JAR:-$root/server/target/sspr-server.jar}
bench=$root/bench/target/sspr-bench.jar
users=${1:-2000}; concurrencies=${2:-1,4,16}; seconds=${3:-10}
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
d=$(mktemp -d)
trap 'kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; rm -rf "$d"' EXIT
java -cp "$bench" org.opensspr.bench.DirectoryLoad seed "$users" "$d/seed.ldif"
http=$(free_port); ldap=$(free_port)
(cd "$d" && exec java -jar "$jar" --server.port="$http" --sspr.directory.embedded.port="$ldap" \
  --sspr.directory.embedded.seed="$d/seed.ldif" > log 2>&1) &
pid=$!
until curl -sf "localhost:$http/actuator/health" | grep -q '"directory":{"status":"UP"}'; do
  kill -0 "$pid" 2>/dev/null || { cat "$d/log"; exit 1; }
  sleep 0.5
done
echo "server: $jar ($(nproc) cores; $(grep -o 'Embedded directory [a-z]* [^ ]* [0-9]* entries' "$d/log" | head -1))"
java -cp "$bench" org.opensspr.bench.DirectoryLoad run "$ldap" "$d/data/directory/manager.secret" "$users" "$concurrencies" "$seconds"
kill "$pid"; wait "$pid" 2>/dev/null || true
grep -o 'Embedded directory journal closed: .*' "$d/log" || true
