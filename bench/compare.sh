#!/usr/bin/env bash
# JS/C ratio of every sampler: bench/samplers.ts (the engine) and bench/samplers.c (the same
# algorithms in C, gcc -O3 -march=native) run interleaved, ROUNDS rounds of one fresh process each,
# the minimum CPU ns per mask kept. On a shared machine read the ratios as ±30 %.
#   bash bench/compare.sh [ROUNDS] [NAME…]      NAME: bernoulli fixed match dropconnect
set -euo pipefail
cd "$(dirname "$0")/.."
rounds=${1:-3}
shift || true
names=("${@:-bernoulli fixed match dropconnect}")
work=$(mktemp -d)
binary=$work/samplers
gcc -O3 -march=native -fno-math-errno -o "$binary" bench/samplers.c -lm
# The JavaScript as the app ships it: one ES module bundle (tsx's per-module wrappers put getters
# on cross-module calls, which made some hot loops 1.5-2x slower).
npx esbuild bench/samplers.ts --bundle --platform=node --format=esm --outfile="$work/samplers.mjs" --log-level=warning
printf '%-12s %5s %4s %10s %10s %7s\n' sampler n q 'JS ns' 'C ns' 'JS/C'
for name in ${names[*]}; do
  for n in 192 1024; do
    for q in 0.5 0.8; do
      count=$((200000000 / n))
      [ "$name" = dropconnect ] && count=$((count / 4))
      js=inf c=inf
      for ((r = 0; r < rounds; r++)); do
        j=$(node "$work/samplers.mjs" "$name" "$n" "$q" "$count" 2 | awk '{print $4}')
        k=$("$binary" "$name" "$n" "$q" "$count" 2 | awk '{print $4}')
        js=$(awk -v a="$js" -v b="$j" 'BEGIN{print (a=="inf"||b<a)?b:a}')
        c=$(awk -v a="$c" -v b="$k" 'BEGIN{print (a=="inf"||b<a)?b:a}')
      done
      printf '%-12s %5d %4s %10.1f %10.1f %7.2f\n' "$name" "$n" "$q" "$js" "$c" "$(awk -v a="$js" -v b="$c" 'BEGIN{print a/b}')"
    done
  done
done
