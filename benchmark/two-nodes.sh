#!/usr/bin/env bash
# Two nodes on one PostgreSQL (docs/performance.md): Debian's postgresql 15 started here, two instances of the
# service on profile postgres (plus sandbox providers, asked for by name) with the same secrets. Checks that they split
# the projection's two segments, that both accept commands under load, that when one is killed the other takes its
# segment over, and that every acknowledged command is stored and the projections equal a full rebuild.
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=service.sh
. benchmark/service.sh

PG_BIN=/usr/lib/postgresql/15/bin
if [ ! -x "$PG_BIN/pg_ctl" ]; then
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql-15
fi
mvn -q -B -DskipTests package
CP="$(ls benchmark/target/benchmark-*.jar):$(cat benchmark/target/classpath.txt)"
DIR=$(mktemp -d /tmp/realname-two-nodes-XXXXXX)
deployed_layout "$DIR/deployed" "${SERVICE_JVM[@]}"
chmod 755 "$DIR"
PG_DATA="$DIR/pg"
PG_PORT=55440
A=; B=
cleanup() {
  for pid in $A $B; do kill -9 "$pid" 2>/dev/null || true; done
  runuser -u postgres -- "$PG_BIN/pg_ctl" -D "$PG_DATA" -m immediate stop >/dev/null 2>&1 || true
}
trap cleanup EXIT
mkdir -p "$PG_DATA" "$DIR/pg-log" && chown postgres "$PG_DATA" "$DIR/pg-log" && chmod 700 "$PG_DATA"
runuser -u postgres -- "$PG_BIN/initdb" -D "$PG_DATA" -A trust -U postgres >/dev/null
runuser -u postgres -- "$PG_BIN/pg_ctl" -D "$PG_DATA" -o "-p $PG_PORT -k /tmp" -l "$DIR/pg-log/pg.log" -w start \
  >/dev/null

export SPRING_DATASOURCE_URL="jdbc:postgresql://localhost:$PG_PORT/postgres" SPRING_DATASOURCE_USERNAME=postgres
export SPRING_DATASOURCE_PASSWORD= REALNAME_BOOTSTRAP_OPERATIONS_USERNAME=operations
export REALNAME_BOOTSTRAP_OPERATIONS_PASSWORD=ops-sandbox-1
REALNAME_SECURITY_TOKEN_SECRET=$(head -c 32 /dev/urandom | base64)
REALNAME_PRIVACY_MASTER_KEY=$(head -c 32 /dev/urandom | base64)
export REALNAME_SECURITY_TOKEN_SECRET REALNAME_PRIVACY_MASTER_KEY
sql() { psql -h /tmp -p "$PG_PORT" -U postgres -tA -c "$1"; }

node() { # node <name> <port>: starts it in the background, prints its pid
  mkdir -p "$DIR/$1"
  # shellcheck disable=SC2086
  java "${SERVICE_JVM[@]}" $DEPLOYED_OPTS -jar "$DEPLOYED_JAR" --spring.profiles.active=postgres,sandbox \
    --realname.sandbox.on-external-database=true \
    --realname.data-dir="$DIR/$1" --server.port="$2" "${SERVICE_ARGS[@]}" >> "$DIR/$1/service.log" 2>&1 &
  echo $!
}
owners() { sql "SELECT count(DISTINCT owner) FROM token_entry WHERE processor_name = 'enterprise-directory' AND owner IS NOT NULL"; }

A=$(node a 18101); await_ready 18101 "$A" "$DIR/a/service.log"
B=$(node b 18102); await_ready 18102 "$B" "$DIR/b/service.log"
started=$(date +%s)
until [ "$(owners)" = "2" ]; do
  [ $(( $(date +%s) - started )) -lt 60 ] || { echo "FAILED: the segments were not split within 60 s"; exit 1; }
  sleep 1
done
echo "Both nodes up; segments split between them $(( $(date +%s) - started )) s after the second was ready:"
sql "SELECT segment, owner FROM token_entry WHERE processor_name = 'enterprise-directory' ORDER BY segment"

LOADERS=
for n in a:18101 b:18102; do
  java -cp "$CP" cn.singlewindow.realname.benchmark.Faults phase=load url="http://localhost:${n#*:}" \
    acks="$DIR/acks-${n%%:*}" seconds=30 > "$DIR/load-${n%%:*}.log" 2>&1 &
  LOADERS="$LOADERS $!"
done
until grep -qs "LOAD READY" "$DIR/load-a.log" && grep -qs "LOAD READY" "$DIR/load-b.log"; do
  grep -q Exception "$DIR/load-a.log" "$DIR/load-b.log" && { echo "FAILED: a loader failed"; cat "$DIR"/load-*.log; exit 1; }
  sleep 0.2
done
sleep 10
kill -9 "$B"
killed=$(date +%s)
echo "Node b killed (SIGKILL) under load"
until [ "$(owners)" = "1" ] && [ "$(sql "SELECT count(*) FROM token_entry WHERE processor_name = 'enterprise-directory' AND owner IS NOT NULL")" = "2" ]; do
  [ $(( $(date +%s) - killed )) -lt 60 ] || { echo "FAILED: node a did not take both segments within 60 s"; exit 1; }
  sleep 0.5
done
echo "Node a holds both segments $(( $(date +%s) - killed )) s after the kill"
# shellcheck disable=SC2086
wait $LOADERS
for n in a b; do echo "load on node $n: $(grep '^Load' "$DIR/load-$n.log")"; done
cat "$DIR/acks-a" "$DIR/acks-b" > "$DIR/acks"
java -cp "$CP" cn.singlewindow.realname.benchmark.Faults phase=verify url="http://localhost:18101" \
  acks="$DIR/acks" jdbc="$SPRING_DATASOURCE_URL"
