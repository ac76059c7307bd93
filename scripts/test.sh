#!/usr/bin/env bash
# `npm test`: every suite, on a fresh machine of this kind. It installs Debian's Chromium
# when it is missing and starts PostgreSQL when it is down, then runs, in order: the
# typecheck, the unit and integration tests (SQLite and PostgreSQL), a production build and
# the Playwright specs in Chromium against that build.
set -euo pipefail
cd "$(dirname "$0")/.."
export NEXT_TELEMETRY_DISABLED=1

step() { printf '\n\033[1m[test] %s\033[0m\n' "$*"; }

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

if [ -z "${CHROMIUM_PATH:-}" ] && ! command -v chromium >/dev/null 2>&1; then
  step "installing Debian's Chromium for Playwright"
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
fi

pg_up() { node -e '
  const c = new (require("pg").Client)({ connectionString: process.env.GATEHOUSE_TEST_PG_URL || "postgresql://postgres@127.0.0.1:5432/postgres", connectionTimeoutMillis: 2000 });
  c.connect().then(() => c.end()).then(() => process.exit(0), () => process.exit(1));' 2>/dev/null; }

if ! pg_up; then
  step "starting PostgreSQL"
  if [ -d /etc/postgresql ]; then
    as_root pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql | head -n 1)" main start || true
  fi
  for _ in $(seq 1 30); do pg_up && break; sleep 1; done
fi
if pg_up; then
  export GATEHOUSE_REQUIRE_POSTGRES=1
elif [ -n "${CI:-}" ]; then
  echo "[test] PostgreSQL is required in CI and could not be started" >&2
  exit 1
else
  echo "[test] PostgreSQL is unreachable: its suites are skipped" >&2
fi

redis_up() { redis-cli -h 127.0.0.1 -p 6379 ping >/dev/null 2>&1; }
if ! redis_up && command -v redis-server >/dev/null 2>&1; then
  step "starting Redis"
  redis-server --daemonize yes --bind 127.0.0.1 --port 6379 --save "" --appendonly no >/dev/null
  for _ in $(seq 1 30); do redis_up && break; sleep 1; done
fi
if redis_up; then
  export GATEHOUSE_REQUIRE_REDIS=1
elif [ -n "${CI:-}" ]; then
  echo "[test] Redis is required in CI and could not be started" >&2
  exit 1
else
  echo "[test] Redis is unreachable: its suites are skipped" >&2
fi

step "typecheck"
node_modules/.bin/tsc --noEmit

step "unit and integration tests"
node_modules/.bin/vitest run

step "production build"
node_modules/.bin/next build

step "end-to-end tests in Chromium"
node_modules/.bin/playwright test
