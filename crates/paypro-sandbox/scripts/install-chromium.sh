#!/bin/sh
# Installs Chromium, its WebDriver (chromedriver) and a font from the OS packages (Debian's
# `chromium`, `chromium-driver`, `fonts-dejavu-core`) for the sandbox's browser test,
# crates/paypro-sandbox/tests/it/browser.rs. The test never runs this: it uses the programs
# when they are on PATH and otherwise names this script and is skipped. CI (.ci/run) runs it
# before the tests, and so can you. Needs root, or sudo without a password.
# Exit 0 when both programs are there afterwards; otherwise 1 with the reason on stderr.
set -eu

have() { command -v "$1" >/dev/null 2>&1; }

if have chromium && have chromedriver; then
  echo "install-chromium.sh: $(chromium --version 2>/dev/null), $(chromedriver --version 2>/dev/null | cut -d' ' -f1-2): already installed"
  exit 0
fi
if ! have apt-get; then
  echo "install-chromium.sh: no apt-get on this system; install Chromium and chromedriver with its package manager" >&2
  exit 1
fi
SUDO=
if [ "$(id -u)" -ne 0 ]; then
  if have sudo && sudo -n true 2>/dev/null; then
    SUDO=sudo
  else
    echo "install-chromium.sh: installing packages needs root (or sudo without a password); run: sudo $0" >&2
    exit 1
  fi
fi
export DEBIAN_FRONTEND=noninteractive
# Wait for another apt run (a parallel install) instead of failing on its lock.
APT="apt-get -q -o DPkg::Lock::Timeout=300"
$SUDO $APT update
$SUDO $APT install -y --no-install-recommends chromium chromium-driver fonts-dejavu-core
if have chromium && have chromedriver; then
  echo "install-chromium.sh: installed $(chromium --version 2>/dev/null)"
else
  echo "install-chromium.sh: apt-get finished but chromium or chromedriver is still missing" >&2
  exit 1
fi
