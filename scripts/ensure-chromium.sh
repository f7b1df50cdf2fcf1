#!/usr/bin/env bash
# Makes sure a Chromium is there for the end-to-end tests. Playwright cannot download its own
# browser on these machines, so it drives Debian's chromium (or the one named by CHROMIUM_PATH).
set -u
path="${CHROMIUM_PATH:-/usr/bin/chromium}"
[ -x "$path" ] && exit 0
if [ -z "${CHROMIUM_PATH:-}" ] && [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "Installing Debian's chromium for the end-to-end tests (apt-get)…"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq && apt-get install -y -qq --no-install-recommends chromium fonts-liberation fonts-dejavu-core >/dev/null
  [ -x "$path" ] && exit 0
fi
echo "No Chromium at $path: install one and run 'CHROMIUM_PATH=/path/to/chromium npm test'." >&2
exit 1
