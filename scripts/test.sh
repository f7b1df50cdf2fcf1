#!/usr/bin/env bash
# `npm test`: every check — types, lint, unit tests, build, end-to-end tests — each run even if an
# earlier one failed, then one summary line. Exits non-zero if anything failed.
set -uo pipefail
cd "$(dirname "$0")/.."
export npm_config_audit=false npm_config_fund=false npm_config_update_notifier=false
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
export CHROMIUM_PATH="${CHROMIUM_PATH:-/usr/bin/chromium}"

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
step unit env NO_COLOR=1 npx vitest run --reporter=default --reporter=json --outputFile.json=reports/vitest.json
if step build npx vite build; then
  if step chromium bash scripts/ensure-chromium.sh; then
    step e2e npx playwright test
  fi
fi

node scripts/summary.mjs
if [ ${#failed[@]} -gt 0 ]; then
  echo "FAILED steps: ${failed[*]}"
  exit 1
fi
