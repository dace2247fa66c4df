#!/usr/bin/env bash
# Cold start of the packaged server: time from `java -jar` to /actuator/health with the directory UP,
# on an empty data dir each run. Usage: bench/coldstart.sh [runs]  (build first: ./mvnw -q package -DskipTests)
set -euo pipefail
jar=$(cd "$(dirname "$0")/.." && pwd)/server/target/sspr-server.jar
runs=${1:-3}
for i in $(seq 1 "$runs"); do
  d=$(mktemp -d)
  s=$(date +%s%N)
  (cd "$d" && exec java -jar "$jar" --server.port=18080 --sspr.directory.embedded.port=11389 > log 2>&1) &
  pid=$!
  until curl -sf localhost:18080/actuator/health | grep -q '"directory":{"status":"UP"}'; do sleep 0.2; done
  e=$(date +%s%N)
  echo "run $i: $(( (e - s) / 1000000 )) ms to healthy; $(grep -o 'Started SsprServerApplication in [0-9.]* seconds' "$d/log")"
  kill "$pid"; wait "$pid" 2>/dev/null || true
  rm -rf "$d"
done
ls -l "$jar" | awk '{printf "jar: %s bytes (%.1f MiB)\n", $5, $5/1048576}'
