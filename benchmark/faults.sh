#!/usr/bin/env bash
# Faults under load (docs/performance.md), each checked by the Faults driver:
#  1. the service killed with SIGKILL under load and restarted (embedded default);
#  2. PostgreSQL (Debian's postgresql 15, started here) stopped abruptly under load and started again, the service
#     on profile postgres recovering by itself.
# After each: every acknowledged change is in the event store, and the projections equal a full rebuild.
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=service.sh
. benchmark/service.sh

PORT=${PORT:-18090}
PG_BIN=/usr/lib/postgresql/15/bin
if [ ! -x "$PG_BIN/pg_ctl" ]; then
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql-15
fi
mvn -q -B -DskipTests package
# The service as the Dockerfile deploys it, so that the restart is timed as operators would see it.
deployed_layout "$(mktemp -d /tmp/realname-faults-XXXXXX)" "${SERVICE_JVM[@]}"
CP="$(ls benchmark/target/benchmark-*.jar):$(cat benchmark/target/classpath.txt)"
PID=
PG_DATA=
cleanup() {
  [ -n "$PID" ] && kill -9 "$PID" 2>/dev/null || true
  [ -n "$PG_DATA" ] && runuser -u postgres -- "$PG_BIN/pg_ctl" -D "$PG_DATA" -m immediate stop >/dev/null 2>&1 || true
  pkill -f "realname-faults" 2>/dev/null || true
}
trap cleanup EXIT

# start_service <data dir> [extra args...]; sets PID and READY_MS
start_service() {
  local dir=$1; shift
  local started=$(date +%s%N)
  # shellcheck disable=SC2086
  java "${SERVICE_JVM[@]}" $DEPLOYED_OPTS -jar "$DEPLOYED_JAR" --realname.data-dir="$dir" --server.port="$PORT" "${SERVICE_ARGS[@]}" "$@" \
    >> "$dir/service.log" 2>&1 &
  PID=$!
  await_ready "$PORT" "$PID" "$dir/service.log"
  READY_MS=$(( ($(date +%s%N) - started) / 1000000 ))
}

# load_then <seconds before the fault> <fault command...>: runs the load, strikes, waits for the load to end.
load_then() {
  local dir=$1 wait=$2; shift 2
  java -cp "$CP" cn.singlewindow.realname.benchmark.Faults phase=load url="http://localhost:$PORT" \
    acks="$dir/acks" seconds=45 > "$dir/load.log" 2>&1 &
  local loader=$!
  until grep -qs "LOAD READY" "$dir/load.log"; do sleep 0.2; done
  sleep "$wait"
  "$@"
  wait "$loader"
  cat "$dir/load.log" | grep -v "LOAD READY"
}

if [ "${ONLY:-}" != "database" ]; then
echo "== 1. The service killed with SIGKILL under load, then restarted"
DIR=$(mktemp -d /tmp/realname-faults-XXXXXX)
start_service "$DIR"
kill_and_restart() {
  kill -9 "$PID"
  echo "SIGKILL sent to the service (pid $PID) under load"
  start_service "$DIR"
  echo "Restarted and ready in ${READY_MS} ms (its orphaned PostgreSQL stopped first)"
}
load_then "$DIR" 10 kill_and_restart
PG_PORT=$(grep -o 'Embedded PostgreSQL on port [0-9]*' "$DIR/service.log" | tail -1 | grep -o '[0-9]*$')
java -cp "$CP" cn.singlewindow.realname.benchmark.Faults phase=verify url="http://localhost:$PORT" \
  acks="$DIR/acks" jdbc="jdbc:postgresql://localhost:$PG_PORT/postgres"
kill "$PID"; wait "$PID" 2>/dev/null || true; PID=
fi

echo "== 2. PostgreSQL stopped abruptly under load, then started again"
DIR=$(mktemp -d /tmp/realname-faults-XXXXXX)
PG_DATA="$DIR/pg"
PG_PORT=55439
chmod 755 "$DIR"
mkdir -p "$PG_DATA" "$DIR/pg-log" && chown postgres "$PG_DATA" "$DIR/pg-log" && chmod 700 "$PG_DATA"
runuser -u postgres -- "$PG_BIN/initdb" -D "$PG_DATA" -A trust -U postgres >/dev/null
pg() { runuser -u postgres -- "$PG_BIN/pg_ctl" -D "$PG_DATA" -o "-p $PG_PORT -k /tmp" -l "$PG_DATA/../pg-log/pg.log" "$@"; }
pg -w start >/dev/null
SPRING_DATASOURCE_URL="jdbc:postgresql://localhost:$PG_PORT/postgres" SPRING_DATASOURCE_USERNAME=postgres \
  SPRING_DATASOURCE_PASSWORD= start_service "$DIR" --spring.profiles.active=postgres,sandbox \
  --realname.sandbox.on-external-database=true \
  --realname.bootstrap.operations.username=operations --realname.bootstrap.operations.password=ops-sandbox-1
crash_database() {
  local before
  pg -m immediate stop >/dev/null
  before=$(wc -l < "$DIR/acks")
  echo "PostgreSQL stopped abruptly (immediate mode: no checkpoint, clients cut off)"
  sleep 5
  pg -w start >/dev/null
  local restarted=$(date +%s%N)
  # Recovered once a command goes through again.
  until [ "$(wc -l < "$DIR/acks")" -gt "$before" ]; do sleep 0.1; done
  echo "PostgreSQL started again; the service acknowledged a command $(( ($(date +%s%N) - restarted) / 1000000 )) ms later"
}
load_then "$DIR" 10 crash_database
java -cp "$CP" cn.singlewindow.realname.benchmark.Faults phase=verify url="http://localhost:$PORT" \
  acks="$DIR/acks" jdbc="jdbc:postgresql://localhost:$PG_PORT/postgres"
