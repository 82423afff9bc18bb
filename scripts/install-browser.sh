#!/usr/bin/env bash
# Install the headless browser the web board's tests drive (tests/test_web_browser.py):
# Debian's chromium and chromium-driver, when missing. Nothing is downloaded
# outside the distribution's packages (no browser download by Selenium or Playwright).
#
#   scripts/install-browser.sh        # make test runs it first
set -euo pipefail

have() { command -v chromium >/dev/null 2>&1 && command -v chromedriver >/dev/null 2>&1; }

if have; then
  exit 0
fi
echo "chromium not found: installing Debian's chromium and chromium-driver packages" >&2
SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1; then SUDO="sudo"; else
    echo "not root and no sudo: cannot install chromium; the browser tests will be skipped" >&2
    exit 1
  fi
fi
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium chromium-driver >/dev/null
have || { echo "chromium or chromedriver still missing after apt-get" >&2; exit 1; }
echo "chromium $(chromium --version 2>/dev/null | awk '{print $2}') installed" >&2
