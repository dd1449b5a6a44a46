#!/bin/bash
# The image's health check: healthy once the service answers ready (/actuator/health/readiness, 200) on its
# management port. Bash's /dev/tcp rather than curl, which the image does not carry.
port=${MANAGEMENT_SERVER_PORT:-${SERVER_PORT:-8080}}
exec 3<>"/dev/tcp/127.0.0.1/$port" || exit 1
printf 'GET /actuator/health/readiness HTTP/1.0\r\nHost: localhost\r\n\r\n' >&3
read -r status <&3
case "$status" in
  "HTTP/1."?" 200 "*) exit 0 ;;
  *) exit 1 ;;
esac
