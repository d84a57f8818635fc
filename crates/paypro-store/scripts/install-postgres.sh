#!/bin/sh
# Installs a PostgreSQL server's programs from the OS packages (Debian's `postgresql`) for
# the receiver's Postgres tests (crates/paypro-axum/tests/it/, see pg.rs there). The tests
# never run this: they use the server PAYPRO_POSTGRES_URL names (start-postgres.sh, next to
# this script, starts a throwaway one and prints that URL), or, as a non-root user, start a
# throwaway cluster of their own with initdb and pg_ctl when those are installed; otherwise
# they say what is missing and are skipped. CI (.ci/run) runs this, then start-postgres.sh.
# It never uses or changes a system cluster. Needs root, or sudo without a password.
# Exit 0 when `initdb` is there afterwards; otherwise 1 with the reason on stderr.
set -eu

find_initdb() {
  command -v initdb 2>/dev/null || ls /usr/lib/postgresql/*/bin/initdb 2>/dev/null | sort -V | tail -n 1
}

if [ -n "$(find_initdb)" ]; then
  echo "install-postgres.sh: $("$(find_initdb)" --version): already installed"
  exit 0
fi
if ! command -v apt-get >/dev/null 2>&1; then
  echo "install-postgres.sh: no apt-get on this system; install a PostgreSQL server with its package manager" >&2
  exit 1
fi
SUDO=
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
    SUDO=sudo
  else
    echo "install-postgres.sh: installing packages needs root (or sudo without a password); run: sudo $0" >&2
    exit 1
  fi
fi
export DEBIAN_FRONTEND=noninteractive
APT="apt-get -q -o DPkg::Lock::Timeout=300"
$SUDO $APT update
$SUDO $APT install -y --no-install-recommends postgresql
if [ -n "$(find_initdb)" ]; then
  echo "install-postgres.sh: installed $("$(find_initdb)" --version)"
else
  echo "install-postgres.sh: apt-get finished but initdb is still missing" >&2
  exit 1
fi
