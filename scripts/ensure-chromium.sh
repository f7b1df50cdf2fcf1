#!/usr/bin/env bash
# Makes sure a Chromium is there for the end-to-end tests. Playwright cannot download its own browser on these machines, so it drives Debian's
# chromium, or the one named by CHROMIUM_PATH.
#
#   CHROMIUM_PATH set by the user  → that path is used as it is; never an apt-get.
#   not set, /usr/bin/chromium runs → used.
#   not set, missing, root on Debian → `apt-get update` + `apt-get install chromium` (quiet, one line).
#   not set, missing, otherwise      → one line saying how to point the tests at a Chromium; exit 1.
set -u
default=/usr/bin/chromium

if [ -n "${CHROMIUM_PATH:-}" ]; then
  if [ -x "$CHROMIUM_PATH" ] && [ -f "$CHROMIUM_PATH" ]; then
    exit 0
  fi
  echo "CHROMIUM_PATH=$CHROMIUM_PATH is not an executable file: point it at a Chromium (or unset it to use $default)." >&2
  exit 1
fi

[ -x "$default" ] && [ -f "$default" ] && exit 0

# `command -v` also reports a file that is not executable, so test the path it finds.
apt="$(command -v apt-get 2>/dev/null || true)"
if [ "$(id -u)" = 0 ] && [ -f /etc/debian_version ] && [ -n "$apt" ] && [ -x "$apt" ]; then
  echo "No Chromium at $default: installing Debian's chromium for the end-to-end tests (apt-get update, apt-get install chromium; about a minute)…" >&2
  export DEBIAN_FRONTEND=noninteractive
  log="$(mktemp)"
  if "$apt" update -qq >"$log" 2>&1 &&
    "$apt" install -y -qq --no-install-recommends chromium fonts-liberation fonts-dejavu-core >>"$log" 2>&1 &&
    [ -x "$default" ]; then
    rm -f "$log"
    exit 0
  fi
  echo "apt-get could not install chromium; its last lines:" >&2
  tail -n 5 "$log" >&2
  rm -f "$log"
  exit 1
fi

echo "No Chromium at $default and cannot install one here (needs root on Debian): install Chromium, then run 'CHROMIUM_PATH=/path/to/chromium npm test'." >&2
exit 1
