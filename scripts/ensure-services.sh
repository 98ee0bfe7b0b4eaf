#!/usr/bin/env bash
# Make sure the machine's PostgreSQL (127.0.0.1:5432) and Redis (127.0.0.1:6379) answer; start them when
# they are down and wait until they are ready. Tests run on these real services, never on mocks.
set -euo pipefail

pg_up() { pg_isready -h 127.0.0.1 -p 5432 -q 2>/dev/null; }
redis_up() { redis-cli -h 127.0.0.1 -p 6379 ping 2>/dev/null | grep -q PONG; }

die() { echo "ensure-services: ERROR: $*" >&2; exit 1; }

wait_for() {  # wait_for NAME CHECK
  for _ in $(seq 1 30); do
    if "$2"; then echo "ensure-services: $1 is ready"; return 0; fi
    sleep 1
  done
  die "$1 did not answer within 30 s after starting"
}

command -v pg_isready >/dev/null || die "pg_isready not found: PostgreSQL is not installed"
command -v redis-cli >/dev/null || die "redis-cli not found: Redis is not installed"

if pg_up; then
  echo "ensure-services: PostgreSQL is up"
else
  echo "ensure-services: PostgreSQL is down, starting it"
  [ -d /etc/postgresql ] && [ -n "$(ls /etc/postgresql)" ] || die "no PostgreSQL cluster in /etc/postgresql"
  version=$(ls /etc/postgresql | sort -V | tail -n 1)
  pg_ctlcluster --skip-systemctl-redirect "$version" main start \
    || die "pg_ctlcluster $version main start failed"
  wait_for PostgreSQL pg_up
fi

if redis_up; then
  echo "ensure-services: Redis is up"
else
  echo "ensure-services: Redis is down, starting it"
  command -v redis-server >/dev/null || die "redis-server not found"
  mkdir -p /var/lib/redis /var/log/redis
  redis-server --daemonize yes --bind 127.0.0.1 -::1 --port 6379 --save "" --appendonly no \
    --dir /var/lib/redis --logfile /var/log/redis/ci.log \
    || die "redis-server failed to start (see /var/log/redis/ci.log)"
  wait_for Redis redis_up
fi
