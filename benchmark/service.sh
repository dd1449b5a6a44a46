# Shared by the benchmark scripts (sourced, not run).

# The heap and collector the Dockerfile gives the service; with them a node stays under 768 MB resident
# (docs/operations.md). Named, not left to the JVM: in a container of less than 1,792 MB it would pick the serial one.
# The Dockerfile sets the same in JDK_JAVA_OPTIONS.
SERVICE_JVM=(-Xmx384m -XX:+UseParallelGC -XX:-UsePSAdaptiveSurvivorSizePolicy -XX:MetaspaceSize=128m)

# Settings every benchmark script gives the service: the driver's clients all come from 127.0.0.1, so the allowance of
# anonymous operations per address (captchas and logins while seeding) must not throttle it.
SERVICE_ARGS=(--realname.http.anonymous.per-address-per-minute=100000000)
# More of them for one run, to measure a setting (docs/performance.md, "Traces"):
#   SERVICE_EXTRA_ARGS="--management.tracing.enabled=true" benchmark/run.sh
read -r -a extra_service_args <<< "${SERVICE_EXTRA_ARGS:-}"
SERVICE_ARGS+=("${extra_service_args[@]}")

# await_ready <port> <pid> <log>: waits until the service answers ready; stops the script if it dies first.
await_ready() {
  until curl -sf "http://localhost:$1/actuator/health/readiness" >/dev/null 2>&1; do
    kill -0 "$2" 2>/dev/null || { echo "the service died; see $3"; exit 1; }
    sleep 0.1
  done
}

# deployed_layout <dest> [JVM options...]: lays the built service out as the Dockerfile deploys it (extracted jar and
# class-data sharing archive, deploy/cds-layout.sh) and sets DEPLOYED_JAR and DEPLOYED_OPTS to start it with.
deployed_layout() {
  local dest=$1; shift
  deploy/cds-layout.sh api-graphql/target/realname.jar "$dest" "$@"
  DEPLOYED_JAR="$dest/realname.jar"
  DEPLOYED_OPTS="-XX:SharedArchiveFile=$dest/realname.jsa"
}
