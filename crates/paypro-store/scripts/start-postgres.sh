#!/bin/sh
# Starts a throwaway PostgreSQL server for the Postgres tests (crates/paypro-axum/tests/it/,
# which use a server and never start one as root), and prints the shell lines that point them
# at it:
#
#   env=$(sh crates/paypro-store/scripts/start-postgres.sh) && eval "$env"
#   cargo test -p paypro-axum --test it postgres
#   sh crates/paypro-store/scripts/start-postgres.sh --stop "$PAYPRO_POSTGRES_DIR"
#
# The cluster lives in a new temporary directory (PAYPRO_POSTGRES_DIR), listens on a free
# 127.0.0.1 port with trust authentication (anyone on this machine may connect as
# `postgres`: for tests only), and PAYPRO_POSTGRES_URL is its superuser URL. It never uses or
# changes a system cluster. PostgreSQL refuses to run as root: as root, the cluster belongs to
# the OS user `postgres` (made by the Debian package) and runs as it (runuser). The server's
# programs come from install-postgres.sh. `.ci/run` runs both, and --stop at its exit.
# Diagnostics go to stderr; stdout has only the lines to eval.
set -eu

find_bin() {
  if command -v initdb >/dev/null 2>&1 && command -v pg_ctl >/dev/null 2>&1; then
    dirname "$(command -v initdb)"
  else
    ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1
  fi
}
BIN=$(find_bin)
if [ -z "$BIN" ] || [ ! -x "$BIN/initdb" ] || [ ! -x "$BIN/pg_ctl" ]; then
  echo "start-postgres.sh: no initdb and pg_ctl on PATH or in /usr/lib/postgresql/*/bin; run $(dirname "$0")/install-postgres.sh" >&2
  exit 1
fi

# As the cluster's owner: the current user, or `postgres` when that is root.
as_owner() {
  if [ "$(id -u)" -eq 0 ]; then
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

if [ "${1:-}" = "--stop" ]; then
  DIR=${2:?usage: start-postgres.sh --stop DIR}
  case "$DIR" in
  */paypro-postgres.*) ;;
  *)
    echo "start-postgres.sh: $DIR is not a directory this script made" >&2
    exit 1
    ;;
  esac
  if [ -f "$DIR/data/postmaster.pid" ]; then
    as_owner "$BIN/pg_ctl" -D "$DIR/data" -m fast -w stop >&2 || true
  fi
  rm -rf "$DIR"
  exit 0
fi

if [ "$(id -u)" -eq 0 ] && ! id postgres >/dev/null 2>&1; then
  echo "start-postgres.sh: running as root, and there is no OS user postgres to run the server as" >&2
  exit 1
fi
DIR=$(mktemp -d "${TMPDIR:-/tmp}/paypro-postgres.XXXXXX")
if [ "$(id -u)" -eq 0 ]; then
  chown postgres: "$DIR"
fi
# A free port: bound to 0 and released (python3, which CI has).
PORT=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')

as_owner "$BIN/initdb" -D "$DIR/data" -A trust -U postgres -E UTF8 --locale=C --no-sync >"$DIR/initdb.log" 2>&1 || {
  cat "$DIR/initdb.log" >&2
  echo "start-postgres.sh: initdb failed" >&2
  exit 1
}
# The tests run several receiver processes with a pool each, against one server.
as_owner "$BIN/pg_ctl" -D "$DIR/data" -l "$DIR/data/server.log" -w \
  -o "-p $PORT -k $DIR -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=300" \
  start >&2 || {
  cat "$DIR/data/server.log" >&2 || true
  echo "start-postgres.sh: the server did not start" >&2
  exit 1
}
echo "start-postgres.sh: $("$BIN/postgres" --version) on 127.0.0.1:$PORT, data in $DIR" >&2
echo "export PAYPRO_POSTGRES_URL=postgres://postgres@127.0.0.1:$PORT/postgres"
echo "export PAYPRO_POSTGRES_DIR=$DIR"
