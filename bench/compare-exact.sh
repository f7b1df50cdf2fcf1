#!/usr/bin/env bash
# JS/C ratio of the exact kernels: bench/exact.ts (the engine) and bench/exact.c (the same
# algorithms in C, gcc -O3 -march=native, plus a table-driven enumeration kernel) on the same input
# (the 128-bin thresholds of npm run bench), run interleaved, ROUNDS rounds of one fresh process each,
# the minimum CPU time kept. Rows: split n = 32, 36, 40 at q = 1/2, 0.8; enumeration n = 16, 20, 24
# (JS/C against the same kernel in C and against the table-driven one). The checksums of JS and C
# must agree (check: ok). On a shared machine read the ratios as ±30 %.
#   bash bench/compare-exact.sh [ROUNDS] [split|enumerate]
set -euo pipefail
cd "$(dirname "$0")/.."
rounds=${1:-3}
which=${2:-all}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
binary=$work/exact
gcc -O3 -march=native -fno-math-errno -fopenmp-simd -o "$binary" bench/exact.c -lm
# The JavaScript as the app ships it: one ES module bundle (as bench/compare.sh).
npx esbuild bench/exact.ts --bundle --platform=node --format=esm --outfile="$work/exact.mjs" --log-level=warning
min() { awk -v a="$1" -v b="$2" 'BEGIN{print (a=="inf"||b<a)?b:a}'; }
same() { awk -v a="$1" -v b="$2" 'BEGIN{d=a-b; if (d<0) d=-d; m=(a<0?-a:a); print (d<=1e-12*m)?"ok":"DIFFER"}'; }
rows=()
[ "$which" != enumerate ] && for q in 0.5 0.8; do for n in 32 36 40; do rows+=("split $n $q"); done; done
[ "$which" != split ] && for n in 16 20 24; do rows+=("enumerate $n 0.5"); done
printf '%-10s %3s %4s %11s %11s %6s %11s %6s  %s\n' kernel n q 'JS ns/mask' 'C ns/mask' 'JS/C' 'table C ns' 'JS/tbl' check
for row in "${rows[@]}"; do
  read -r kernel n q <<<"$row"
  input=$work/input-$n-$q.txt
  reps=$rounds
  [ "$n" -ge 40 ] && reps=1
  js=inf c=inf t=inf
  for ((r = 0; r < rounds; r++)); do
    read -r _ _ _ j _ jsum < <(node "$work/exact.mjs" "$kernel" "$n" "$q" "$reps" "$input")
    read -r _ _ _ k _ csum < <("$binary" "$kernel" "$input" "$reps")
    js=$(min "$js" "$j")
    c=$(min "$c" "$k")
    check=$(same "$jsum" "$csum")
    if [ "$kernel" = enumerate ]; then
      read -r _ _ _ k _ tsum < <("$binary" table "$input" "$reps")
      t=$(min "$t" "$k")
      [ "$(same "$jsum" "$tsum")" = ok ] || check=DIFFER
    fi
  done
  if [ "$kernel" = enumerate ]; then
    printf '%-10s %3d %4s %11.4g %11.4g %6.2f %11.4g %6.2f  %s\n' "$kernel" "$n" "$q" "$js" "$c" "$(awk -v a="$js" -v b="$c" 'BEGIN{print a/b}')" "$t" "$(awk -v a="$js" -v b="$t" 'BEGIN{print a/b}')" "$check"
  else
    printf '%-10s %3d %4s %11.4g %11.4g %6.2f %11s %6s  %s\n' "$kernel" "$n" "$q" "$js" "$c" "$(awk -v a="$js" -v b="$c" 'BEGIN{print a/b}')" - - "$check"
  fi
done
