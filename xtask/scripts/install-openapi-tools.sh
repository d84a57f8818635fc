#!/bin/sh
# Installs the external OpenAPI tools that check openapi/paypro-<cc>.json, pinned, from PyPI
# into a virtual environment under target/ (never the system's Python):
#   openapi-spec-validator  validates each document against the OpenAPI 3.1 schema (.ci/run);
#   openapi-python-client   generates a Python client from a document (xtask/tests/openapi/tools.rs).
# The tests never run this: they use the venv when it is there and otherwise name this script
# and skip (PAYPRO_OPENAPI_TEST=require, set by .ci/run, makes that a failure). CI runs it before
# the loopback-only step, where there is no network.
# Usage: install-openapi-tools.sh [VENV]   (default: target/openapi-tools, from the repo root)
# Exit 0 when both tools run afterwards; otherwise 1 with the reason on stderr.
set -eu

cd "$(dirname "$0")/../.."
VENV=${1:-${PAYPRO_OPENAPI_VENV:-target/openapi-tools}}
SPEC_VALIDATOR=openapi-spec-validator==0.9.0
PYTHON_CLIENT=openapi-python-client==0.29.1

if ! command -v python3 >/dev/null 2>&1; then
  echo "install-openapi-tools.sh: python3 is missing" >&2
  exit 1
fi
if [ ! -x "$VENV/bin/python" ]; then
  python3 -m venv "$VENV" || {
    echo "install-openapi-tools.sh: python3 -m venv failed (Debian: the python3-venv package)" >&2
    exit 1
  }
fi
"$VENV/bin/python" -m pip install --quiet --disable-pip-version-check "$SPEC_VALIDATOR" "$PYTHON_CLIENT"
"$VENV/bin/openapi-spec-validator" --help >/dev/null
"$VENV/bin/openapi-python-client" --version
echo "install-openapi-tools.sh: $SPEC_VALIDATOR and $PYTHON_CLIENT in $VENV"
