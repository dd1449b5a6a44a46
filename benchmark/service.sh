# Shared by the benchmark scripts (sourced, not run).

# await_ready <port> <pid> <log>: waits until the service answers ready; stops the script if it dies first.
await_ready() {
  until curl -sf "http://localhost:$1/actuator/health/readiness" >/dev/null 2>&1; do
    kill -0 "$2" 2>/dev/null || { echo "the service died; see $3"; exit 1; }
    sleep 0.1
  done
}
