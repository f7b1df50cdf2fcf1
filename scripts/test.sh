#!/usr/bin/env bash
# `npm test`: every check — types, lint, doc citations, unit tests, build, end-to-end tests — each
# run even if an earlier one failed, then one summary line. Exits non-zero if anything failed.
set -uo pipefail
cd "$(dirname "$0")/.."
export npm_config_audit=false npm_config_fund=false npm_config_update_notifier=false
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1

node scripts/ensure-deps.mjs || exit 1
rm -rf reports && mkdir -p reports

failed=()
step() {
  local name="$1"; shift
  local start=$SECONDS
  "$@"
  local rc=$?
  echo "=== $name: rc=$rc, $((SECONDS - start))s"
  [ $rc -eq 0 ] || failed+=("$name")
  return $rc
}

step types npx tsc -b
step lint npx oxlint --deny-warnings
step docs node scripts/check-doc-citations.mjs
step unit env NO_COLOR=1 npx vitest run --reporter=default --reporter=json --outputFile.json=reports/vitest.json
if step build npx vite build; then
  # ensure-chromium.sh reads CHROMIUM_PATH as the user left it (set: used as is, never an apt-get;
  # unset: Debian's /usr/bin/chromium, installed when missing), so the default is filled in after it.
  if step chromium bash scripts/ensure-chromium.sh; then
    CHROMIUM_PATH="${CHROMIUM_PATH:-/usr/bin/chromium}" step e2e npx playwright test
  fi
fi

node scripts/summary.mjs
if [ ${#failed[@]} -gt 0 ]; then
  echo "FAILED steps: ${failed[*]}"
  exit 1
fi
