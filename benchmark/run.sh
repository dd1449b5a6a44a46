#!/usr/bin/env bash
# One benchmark run (docs/performance.md): builds, starts the service on the embedded default with a data
# directory of its own, restarts it to time start-to-ready on an existing data directory, runs the load driver
# (workloads W1-W6 with their baselines on the same PostgreSQL and JVM) and prints one table.
#   EVENTS=1000000 ENTERPRISES=320 SECONDS_PER_WORKLOAD=20 CLIENTS=32 benchmark/run.sh
#   ONLY=W5 ENTERPRISES=1 EVENTS=200000 benchmark/run.sh     (one workload alone)
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=service.sh
. benchmark/service.sh

EVENTS=${EVENTS:-1000000}
ENTERPRISES=${ENTERPRISES:-320}
SECONDS_PER_WORKLOAD=${SECONDS_PER_WORKLOAD:-20}
CLIENTS=${CLIENTS:-32}
# REBUILDS=3 runs W5's rebuild three times in the same service and reports the last (JIT warm).
REBUILDS=${REBUILDS:-1}
# W7 imports this many generated enterprises in bulk (administrators carried over with legacy BCrypt hashes).
IMPORT_ROWS=${IMPORT_ROWS:-100000}
# W2, W3 and W6 wait for the service's JIT compiler to settle, at most this long (Benchmark.warmUp).
WARMUP_SECONDS=${WARMUP_SECONDS:-600}
PORT=${PORT:-18080}
# The heap and collector an operator would give the service; resident memory is measured against 768 MB.
SERVICE_JAVA_OPTS=${SERVICE_JAVA_OPTS:--Xms256m ${SERVICE_JVM[*]}}

if ! command -v pgbench >/dev/null 2>&1 && [ ! -x /usr/lib/postgresql/15/bin/pgbench ]; then
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql-client-15
fi
[ -n "${SKIP_BUILD:-}" ] || mvn -q -B -DskipTests package

DATA=$(mktemp -d /tmp/realname-benchmark-XXXXXX)
# The machine, to read ratios across runs: the baselines move with the processor and with the disk's flush time
# (pgbench waits for it; docs/performance.md). 500 writes of 8 KB, each flushed, where PostgreSQL writes.
flush_ms=$(dd if=/dev/zero of="$DATA/flush-test" bs=8k count=500 oflag=dsync 2>&1 \
  | awk '/copied/ { printf "%.3f", $(NF-3) * 1000 / 500 }')
rm -f "$DATA/flush-test"
echo "Machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)," \
  "$(awk '/MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo), disk flush ${flush_ms} ms"
PID=
stop_service() {
  if [ -n "$PID" ] && kill -0 "$PID" 2>/dev/null; then
    kill "$PID"
    wait "$PID" 2>/dev/null || true
  fi
}
trap stop_service EXIT

start_service() {
  local jar=${JAR:-api-graphql/target/realname.jar}
  if curl -s "http://localhost:$PORT/" >/dev/null 2>&1; then
    echo "port $PORT is taken (another service still running?)"; exit 1
  fi
  local started=$(date +%s%N)
  # shellcheck disable=SC2086
  java $SERVICE_JAVA_OPTS ${CDS_OPTS:-} -jar "$jar" --realname.data-dir="$DATA" --server.port="$PORT" "${SERVICE_ARGS[@]}" \
    >> "$DATA/service.log" 2>&1 &
  PID=$!
  await_ready "$PORT" "$PID" "$DATA/service.log"
  READY_MS=$(( ($(date +%s%N) - started) / 1000000 ))
}

# The load driver against the running service and its embedded PostgreSQL; extra arguments go to it.
run_driver() {
  local pg_port
  pg_port=$(grep -o 'Embedded PostgreSQL on port [0-9]*' "$DATA/service.log" | tail -1 | grep -o '[0-9]*$')
  # shellcheck disable=SC2086
  java ${DRIVER_JAVA_OPTS:-} -cp "$(ls benchmark/target/benchmark-*.jar):$(cat benchmark/target/classpath.txt)" \
    cn.singlewindow.realname.benchmark.Benchmark url="http://localhost:$PORT" \
    jdbc="jdbc:postgresql://localhost:$pg_port/postgres" pid="$PID" clients="$CLIENTS" \
    seconds="$SECONDS_PER_WORKLOAD" enterprises="$ENTERPRISES" events="$EVENTS" rebuilds="$REBUILDS" \
    importRows="$IMPORT_ROWS" \
    warmup="$WARMUP_SECONDS" "$@"
}

start_service
echo "First start (initdb, migrations): ${READY_MS} ms"
if [ -n "${ONLY:-}" ]; then
  # One workload alone (ONLY=W5 ENTERPRISES=1), without the start-up timings.
  run_driver only="$ONLY"
  echo "Service log: $DATA/service.log"
  exit 0
fi
stop_service
start_service
PLAIN_READY_MS=$READY_MS
echo "Start to ready on the existing data directory from the packaged jar: ${READY_MS} ms"
stop_service
# The same as the Dockerfile deploys it: extracted jar plus a training run's class-data sharing archive.
# shellcheck disable=SC2086
deployed_layout "$DATA/deployed" $SERVICE_JAVA_OPTS
JAR="$DEPLOYED_JAR" CDS_OPTS="$DEPLOYED_OPTS" start_service
echo "Start to ready as deployed (class-data sharing): ${READY_MS} ms (target <= 15000 ms)"
run_driver
printf '%-58s %12s %-22s %-22s %s\n' "Start to ready as deployed, existing data directory (ms)" "$READY_MS" "-" \
  "<= 15,000 ms" "$([ "$READY_MS" -le 15000 ] && echo met || echo MISSED)"
printf '%-58s %12s %-22s %-22s %s\n' "Same from the packaged jar, no archive (ms)" "$PLAIN_READY_MS" \
  "-" "<= 15,000 ms" "$([ "$PLAIN_READY_MS" -le 15000 ] && echo met || echo MISSED)"
echo "Service log: $DATA/service.log"
