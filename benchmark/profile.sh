#!/usr/bin/env bash
# Samples a running service's CPU with async-profiler (from Maven Central, loaded into the JVM through jcmd, so the
# service needs no flag at start) and writes collapsed stacks: one line per stack and thread with its sample count,
# for a flame graph or grep. This is how the profiles in docs/performance.md were taken, under a workload of
# benchmark/run.sh (ONLY=W3 ..., then this once its warm-up line is printed).
#   benchmark/profile.sh <pid> [seconds, default 14] [output, default /tmp/realname-<pid>.collapsed]
set -euo pipefail
cd "$(dirname "$0")/.."
pid=$1
seconds=${2:-14}
out=${3:-/tmp/realname-$pid.collapsed}
version=4.2
case "$(uname -m)" in
  x86_64) platform=linux-x64 ;;
  aarch64) platform=linux-arm64 ;;
  *) echo "no async-profiler library for $(uname -m)"; exit 1 ;;
esac
dir=$(mktemp -d /tmp/async-profiler-XXXXXX)
trap 'rm -rf "$dir"' EXIT
mvn -q -B dependency:copy -Dartifact="tools.profiler:async-profiler:$version" -DoutputDirectory="$dir"
unzip -q -o "$dir/async-profiler-$version.jar" "$platform/libasyncProfiler.so" -d "$dir"
lib=$dir/$platform/libasyncProfiler.so
# jcmd parses key=value words itself: the profiler's options travel as one quoted argument.
jcmd "$pid" JVMTI.agent_load "$lib" "\"start,event=cpu,interval=1ms,threads\"" >/dev/null
sleep "$seconds"
jcmd "$pid" JVMTI.agent_load "$lib" "\"stop,file=$out,collapsed\"" >/dev/null
echo "$out"
