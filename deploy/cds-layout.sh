#!/bin/bash
# The service laid out as it is deployed (Spring Boot's class-data sharing recipe): the jar extracted, so that
# classes load from plain jars, and an archive of the classes a start loads, written by a training run that stops
# right after the context refresh (nothing served, no processor started). Used by the Dockerfile and the benchmark
# scripts, so that what is measured is what runs. Start the result with
#   java -XX:SharedArchiveFile=<dest>/realname.jsa -jar <dest>/realname.jar
# Usage: deploy/cds-layout.sh <realname.jar> <dest> [JVM options the service will run with...]
# With TRAINING=deployment the training run is a deployment's (profile postgres, StandInDeployment: a PostgreSQL and
# keys of its own, started and closed, then removed), as the image runs; otherwise the embedded default's, as the
# benchmark runs.
set -eu
jar=$1
dest=$2
shift 2
java -Djarmode=tools -jar "$jar" extract --force --destination "$dest" >/dev/null
# A data directory of its own: the training run starts the embedded PostgreSQL and migrates it like a first start.
training=$(mktemp -d)
if [ "${TRAINING:-}" = deployment ]; then
  run=(-cp "$dest/realname.jar" cn.singlewindow.realname.api.deployment.StandInDeployment)
else
  run=(-Dspring.context.exit=onRefresh -jar "$dest/realname.jar" --realname.data-dir="$training" --server.port=0)
fi
if ! java "$@" -XX:ArchiveClassesAtExit="$dest/realname.jsa" "${run[@]}" >"$dest/training.log" 2>&1; then
  cat "$dest/training.log" >&2
  rm -rf "$training"
  exit 1
fi
rm -rf "$training"
