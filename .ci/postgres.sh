#!/usr/bin/env bash
# Starts a throwaway PostgreSQL 15 with pgvector on 127.0.0.1 for the tests, and prints its URL
# as the last line of stdout. Idempotent: a second run finds everything installed and the server
# running and returns in well under a second. Needs root (apt-get) the first time.
#
# Debian bookworm ships PostgreSQL 15 but no pgvector package, so pgvector is built from Debian's
# own source package of the next release (trixie), fetched from the mirror this machine's apt
# sources already use (never a hard-coded host), against postgresql-server-dev-15.
#
#   PG_PORT  (default 54329)  the port, on 127.0.0.1 only
#   PG_DATA  (default /var/tmp/newsdesk-pg)  the cluster directory; fsync is off, it is for tests
set -euo pipefail

PG_PORT="${PG_PORT:-54329}"
PG_DATA="${PG_DATA:-/var/tmp/newsdesk-pg}"
PG_BIN=/usr/lib/postgresql/15/bin
DATABASE=newsdesk_test
URL="postgres://postgres@127.0.0.1:${PG_PORT}/${DATABASE}"

log() { echo "postgres.sh: $*" >&2; }
as_postgres() { if [ "$(id -un)" = postgres ]; then "$@"; else runuser -u postgres -- "$@"; fi; }

if [ ! -x "$PG_BIN/initdb" ] || [ ! -f /usr/include/postgresql/15/server/postgres.h ] || ! command -v make > /dev/null; then
  log "installing postgresql-15 and postgresql-server-dev-15"
  apt-get update -qq >&2
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
    postgresql-15 postgresql-server-dev-15 build-essential dpkg-dev >&2
fi

if [ ! -f /usr/share/postgresql/15/extension/vector.control ]; then
  # The mirror: the first URIs (deb822) or deb line of the machine's own apt sources.
  MIRROR="$(grep -hE '^URIs:' /etc/apt/sources.list.d/*.sources 2>/dev/null | grep -v security | head -1 | awk '{print $2}')"
  if [ -z "$MIRROR" ]; then
    MIRROR="$(grep -hE '^deb ' /etc/apt/sources.list 2>/dev/null | grep -v security | head -1 | awk '{print $2}')"
  fi
  [ -n "$MIRROR" ] || { log "no Debian mirror found in /etc/apt/sources.list*"; exit 1; }
  log "building pgvector from trixie's source package on $MIRROR"
  # deb-src only: no trixie binary package can be installed or upgraded through this entry.
  cat > /etc/apt/sources.list.d/newsdesk-trixie-src.sources <<EOF
Types: deb-src
URIs: ${MIRROR}
Suites: trixie
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg
EOF
  apt-get update -qq >&2
  command -v dpkg-source > /dev/null || DEBIAN_FRONTEND=noninteractive apt-get install -y -qq dpkg-dev >&2
  BUILD_DIR="$(mktemp -d)"
  chmod 755 "$BUILD_DIR" # apt fetches as _apt
  (
    cd "$BUILD_DIR"
    apt-get source -qq pgvector >&2
    cd pgvector-*/
    make -s PG_CONFIG="$PG_BIN/pg_config" OPTFLAGS="" >&2
    make -s PG_CONFIG="$PG_BIN/pg_config" install >&2
  )
  rm -rf "$BUILD_DIR"
fi

if [ ! -f "$PG_DATA/PG_VERSION" ]; then
  log "creating a cluster in $PG_DATA"
  mkdir -p "$PG_DATA"
  chown postgres:postgres "$PG_DATA" 2> /dev/null || true
  as_postgres "$PG_BIN/initdb" -D "$PG_DATA" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 > /dev/null
fi

if ! as_postgres "$PG_BIN/pg_ctl" -D "$PG_DATA" status > /dev/null 2>&1; then
  log "starting the server on 127.0.0.1:${PG_PORT}"
  as_postgres "$PG_BIN/pg_ctl" -D "$PG_DATA" -l "$PG_DATA/server.log" -w \
    -o "-p ${PG_PORT} -c listen_addresses=127.0.0.1 -k /tmp -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" \
    start > /dev/null
fi

if ! "$PG_BIN/psql" -h 127.0.0.1 -p "$PG_PORT" -U postgres -tAc "select 1 from pg_database where datname = '${DATABASE}'" postgres | grep -q 1; then
  "$PG_BIN/psql" -h 127.0.0.1 -p "$PG_PORT" -U postgres -qc "create database ${DATABASE}" postgres
fi
"$PG_BIN/psql" -h 127.0.0.1 -p "$PG_PORT" -U postgres -qc "set client_min_messages = warning; create extension if not exists vector" "$DATABASE"

echo "$URL"
