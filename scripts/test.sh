#!/usr/bin/env bash
# `npm test`: every suite, on a fresh machine of this kind. It installs Debian's Chromium and
# OpenLDAP's slapd when they are missing, starts PostgreSQL and Redis when they are down (installing Redis if
# needed), then runs, in order: the typecheck, the layer rules (dependency-cruiser), Prettier
# and ESLint, the unit and integration tests (SQLite and PostgreSQL), a production build and
# the Playwright specs in Chromium against that build.
set -euo pipefail
cd "$(dirname "$0")/.."
export NEXT_TELEMETRY_DISABLED=1

# Each step says when it started, so a slow CI run shows which step took the time.
step() { printf '\n\033[1m[test] %s (%s, %ss in)\033[0m\n' "$*" "$(date -u +%H:%M:%S)" "$SECONDS"; }

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

if [ -z "${CHROMIUM_PATH:-}" ] && ! command -v chromium >/dev/null 2>&1; then
  step "installing Debian's Chromium for Playwright"
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
fi

# The LDAP suites (#13) start private slapd instances (testing/slapd.ts); no system slapd is used.
if [ ! -x /usr/sbin/slapd ] || ! command -v ldapsearch >/dev/null 2>&1; then
  step "installing OpenLDAP's slapd and ldap-utils for the LDAP suites"
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends slapd ldap-utils >/dev/null
  # Debian starts a system slapd on port 389 after installing it when it can; the tests never use it.
  as_root service slapd stop >/dev/null 2>&1 || true
fi

pg_up() { node -e '
  const c = new (require("pg").Client)({ connectionString: process.env.GATEHOUSE_TEST_PG_URL || "postgresql://postgres@127.0.0.1:5432/postgres", connectionTimeoutMillis: 2000 });
  c.connect().then(() => c.end()).then(() => process.exit(0), () => process.exit(1));' 2>/dev/null; }

start_pg() {
  [ -d /etc/postgresql ] && as_root pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql | head -n 1)" main start || true
}

redis_up() { redis-cli -h 127.0.0.1 -p 6379 ping >/dev/null 2>&1; }
start_redis() {
  if ! command -v redis-server >/dev/null 2>&1; then
    as_root apt-get update -qq
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq redis-server >/dev/null
  fi
  redis-server --daemonize yes --bind 127.0.0.1 --port 6379 --save "" --appendonly no >/dev/null
}

# Starts a service the suites need when it is down; CI must have it, a developer may skip its suites.
require_service() { # name, check function, start function, variable that makes its suites mandatory
  if ! "$2"; then
    step "starting $1"
    "$3" || true
    for _ in $(seq 1 30); do "$2" && break; sleep 1; done
  fi
  if "$2"; then
    export "$4=1"
  elif [ -n "${CI:-}" ]; then
    echo "[test] $1 is required in CI and could not be started" >&2
    exit 1
  else
    echo "[test] $1 is unreachable: its suites are skipped" >&2
  fi
}

require_service PostgreSQL pg_up start_pg GATEHOUSE_REQUIRE_POSTGRES
require_service Redis redis_up start_redis GATEHOUSE_REQUIRE_REDIS

step "typecheck"
node_modules/.bin/tsc --noEmit

step "layer rules (dependency-cruiser)"
npm run --silent lint:deps

step "format (Prettier) and lint (ESLint)"
node_modules/.bin/prettier --check --log-level warn .
node_modules/.bin/eslint --max-warnings 0 .

step "unit and integration tests"
node_modules/.bin/vitest run

step "production build"
node_modules/.bin/next build

# Each failed attempt (a failure, or a flaky test's first try) leaves error-context.md: the page
# as Playwright saw it. Printed so a CI log alone shows what the page was when a test gave up.
show_failed_pages() {
  local shown=0 f
  for f in test-results/*/error-context.md; do
    [ -f "$f" ] || continue
    [ "$shown" -lt 10 ] || break
    printf '\n[test] page at the failure: %s\n' "$(dirname "$f")"
    head -c 6000 "$f"
    shown=$((shown + 1))
  done
}

step "end-to-end tests in Chromium"
if ! node_modules/.bin/playwright test; then
  show_failed_pages
  exit 1
fi
show_failed_pages
step "every step passed"
