#!/usr/bin/env bash
# Fresh-machine check: runs the quick start's `npm test` on a fresh clone of the committed HEAD as if
# this machine had no Chromium, without uninstalling anything.
#
# Needs root (Debian). Each command runs in a private mount namespace (`unshare -m`) where a
# non-executable file is bind-mounted over /usr/bin/chromium, so only that command sees no Chromium,
# and a stand-in apt-get is bind-mounted over /usr/bin/apt-get that records its arguments:
#   - if Chromium is really installed, the stand-in "installs" it by lifting the hiding mount;
#   - if it is not, the stand-in hands the call to the real apt-get, which installs it for real.
# First three quick checks of scripts/ensure-chromium.sh alone (a user's CHROMIUM_PATH is used as
# is, a non-root user and a machine without apt-get get one line and exit 1, none of them calls
# apt-get), then the whole `npm test` of the clone (CI=true, its own preview port), which must ask
# apt-get for chromium and pass. Ends with the clone's summary lines, the verdict and the time.
#
#   bash scripts/check-fresh-machine.sh          # about 10 minutes on 2 cores
set -Euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
start=$SECONDS

if [ "$(id -u)" != 0 ] || ! command -v unshare >/dev/null; then
  echo "check-fresh-machine: needs root and unshare (util-linux) to hide Chromium in a private mount namespace." >&2
  exit 2
fi

work="$(mktemp -d /tmp/fresh-machine.XXXXXX)"
chmod 755 "$work"
trap 'rm -rf "$work"' EXIT
echo "check-fresh-machine: cloning the committed HEAD of $root into $work/clone"
git clone -q --no-local "$root" "$work/clone"

real_chromium=no
[ -x /usr/bin/chromium ] && [ -f /usr/bin/chromium ] && real_chromium=yes
printf 'not a browser\n' >"$work/no-chromium"
chmod 644 "$work/no-chromium"
: >"$work/apt-get.real"
: >"$work/apt.log"
cat >"$work/apt-get" <<EOF
#!/bin/bash
# Stand-in apt-get of check-fresh-machine.sh: records the call, then installs as described there.
echo "apt-get \$*" >>"$work/apt.log"
if [ "$real_chromium" = yes ]; then
  case " \$* " in
    *" install "*chromium*) umount /usr/bin/chromium ;;
  esac
  exit 0
fi
exec "$work/apt-get.real" "\$@"
EOF
chmod 755 "$work/apt-get"

# hidden CMD...: runs CMD where /usr/bin/chromium is not executable and apt-get is the stand-in.
hidden() {
  unshare -m --propagation private bash -c '
    set -e
    w="$1"; shift
    [ -e /usr/bin/chromium ] && mount --bind "$w/no-chromium" /usr/bin/chromium
    mount --bind /usr/bin/apt-get "$w/apt-get.real"
    mount --bind "$w/apt-get" /usr/bin/apt-get
    cd "$w/clone"
    exec "$@"' hidden "$work" "$@"
}

failures=()
apt_calls() { wc -l <"$work/apt.log"; }

# 1. A user's CHROMIUM_PATH is used as it is: a wrong one fails in one line, without apt-get.
out="$(hidden env CHROMIUM_PATH=/nonexistent/chromium bash scripts/ensure-chromium.sh 2>&1)"
rc=$?
echo "case CHROMIUM_PATH=/nonexistent/chromium: rc=$rc, apt-get calls=$(apt_calls): $out"
{ [ $rc -ne 0 ] && [ "$(apt_calls)" = 0 ] && [ "$(printf '%s\n' "$out" | wc -l)" = 1 ]; } || failures+=("user CHROMIUM_PATH")

# 2. Not root: one line on how to point the tests at a Chromium, exit 1, no apt-get.
out="$(hidden setpriv --reuid=65534 --regid=65534 --clear-groups bash scripts/ensure-chromium.sh 2>&1)"
rc=$?
echo "case not root: rc=$rc, apt-get calls=$(apt_calls): $out"
{ [ $rc -ne 0 ] && [ "$(apt_calls)" = 0 ] && [[ "$out" == *CHROMIUM_PATH=* ]] && [ "$(printf '%s\n' "$out" | wc -l)" = 1 ]; } || failures+=("not root")

# 3. No apt-get (not Debian-like): the same line, exit 1.
out="$(hidden bash -c 'mount --bind "$0" /usr/bin/apt-get && bash scripts/ensure-chromium.sh' "$work/no-chromium" 2>&1)"
rc=$?
echo "case no apt-get: rc=$rc, apt-get calls=$(apt_calls): $out"
{ [ $rc -ne 0 ] && [ "$(apt_calls)" = 0 ] && [[ "$out" == *CHROMIUM_PATH=* ]]; } || failures+=("no apt-get")

# 4. The quick start's `npm test` on the fresh clone (no node_modules, no Chromium).
echo "check-fresh-machine: running 'npm test' in the clone with Chromium hidden (real Chromium installed: $real_chromium)"
test_start=$SECONDS
hidden env -u CHROMIUM_PATH CI=true E2E_PORT=4273 npm test >"$work/npm-test.log" 2>&1
rc=$?
test_time=$((SECONDS - test_start))
grep -E '^(=== |Installing|No Chromium|apt-get could not|FAILED)' "$work/npm-test.log" || true
asked="no"
grep -qE '^apt-get .*install.*chromium' "$work/apt.log" && asked="yes"
echo "apt-get calls during npm test:"
sed 's/^/  /' "$work/apt.log"
[ $rc -eq 0 ] || failures+=("npm test rc=$rc")
[ "$asked" = yes ] || failures+=("apt-get was not asked for chromium")
if [ $rc -ne 0 ]; then
  mkdir -p "$root/reports"
  cp "$work/npm-test.log" "$root/reports/fresh-machine-npm-test.log"
  echo "the clone's whole npm test output: reports/fresh-machine-npm-test.log"
fi

echo "npm test: rc=$rc in ${test_time}s; apt-get asked for chromium: $asked"
grep -E '^(vitest|playwright|total): ' "$work/npm-test.log" | tail -n 3
if [ ${#failures[@]} -gt 0 ]; then
  echo "check-fresh-machine: FAILED (${failures[*]}) after $((SECONDS - start))s"
  exit 1
fi
echo "check-fresh-machine: passed in $((SECONDS - start))s"
