/*
 * C counterparts of the engine's exact kernels, to measure how close the JavaScript is to what the
 * machine can do. Input: the file bench/exact.ts writes (n, n/2, q, the squares a_i, the sorted
 * thresholds, %.17g), so both languages see the same doubles.
 *   split      the engine's meet in the middle step for step (src/math/splitHalves.ts, splitSweep.ts):
 *              both halves sorted by merging L with L + a_i, Bernoulli masses by kept count, B's
 *              Neumaier prefix masses; then per 4 consecutive thresholds the window of A sub-masks,
 *              the two-pointer sweep with the 4 pointers in blocks of 1024, mass(a)·(prefix(p_j) −
 *              prefix(p_{j−1})) for each of the 4 intervals, blocks Neumaier-summed
 *   enumerate  the engine's enumeration step for step (src/math/enumerateMasks.ts): row by row
 *              (T_B[hi], k_B[hi] of a row fixed), A's sub-masks grouped by kept count (a run of
 *              one group has one k), S = T_A[lo] + T_B[hi], √S, per-k
 *              Σ(√S − c) and Σ(√S − c)², the threshold count from a cell table uniform in √S (16 cells
 *              per threshold, at most 4096) and a short scan, counts[k][j]; blocks of 4096
 *   table      what a table-driven C kernel does with the same outputs: B outer, A inner with T_B[hi]
 *              and k_B[hi] in registers, A's sub-masks grouped by kept count (so k is constant over a
 *              run and the per-k sums are plain vectorisable reductions), √S of a row vectorised,
 *              the cell table, and 4 interleaved count histograms (no store-forwarding chains)
 *
 *   gcc -O3 -march=native -fno-math-errno -fopenmp-simd -o exact bench/exact.c -lm
 *   ./exact KERNEL INPUT ROUNDS     prints "KERNEL n q ns-per-mask ms checksum" (CPU time, best of ROUNDS)
 * The checksum is the one bench/exact.ts prints (split: Σ_j (j + 1)·mass_j; enumerate and table:
 * Σ_slot (slot + 1)·count_slot + Σ_k Σ(√S − c)), so the kernels can be checked against each other.
 */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static int n, splitAt, count;
static double keep, total;
static double *squares, *thresholds;

static double cpu_ms(void) {
  struct timespec t;
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
  return t.tv_sec * 1e3 + t.tv_nsec / 1e6;
}

static void *zalloc(size_t bytes) {
  void *p = calloc(1, bytes);
  if (!p) { perror("calloc"); exit(1); }
  return p;
}

static inline void add_compensated(double *sums, double *errors, int i, double value) {
  double sum = sums[i], next = sum + value;
  errors[i] += fabs(sum) >= fabs(value) ? sum - next + value : value - next + sum;
  sums[i] = next;
}

/* ---- split ---- */

static void sorted_half(int from, int to, double **outSums, uint8_t **outKept) {
  size_t size = (size_t)1 << (to - from);
  double *sums = zalloc(size * 8), *os = zalloc(size * 8);
  uint8_t *kept = zalloc(size), *ok = zalloc(size);
  size_t length = 1;
  for (int u = from; u < to; u++) {
    double w = squares[u];
    size_t i = 0, j = 0, o = 0;
    while (j < length) {
      double shifted = sums[j] + w;
      if (i < length && sums[i] <= shifted) {
        os[o] = sums[i];
        ok[o] = kept[i];
        i++;
      } else {
        os[o] = shifted;
        ok[o] = kept[j] + 1;
        j++;
      }
      o++;
    }
    double *t = sums; sums = os; os = t;
    uint8_t *k = kept; kept = ok; ok = k;
    length *= 2;
  }
  free(os);
  free(ok);
  *outSums = sums;
  *outKept = kept;
}

static double mask_probability(int kept, int units) {
  int dropped = units - kept;
  return (kept == 0 ? 1 : pow(keep, kept)) * (dropped == 0 ? 1 : pow(1 - keep, dropped));
}

static size_t lower_bound(const double *sorted, size_t from, size_t to, double shift, double target) {
  size_t lo = from, hi = to;
  while (lo < hi) {
    size_t mid = (lo + hi) >> 1;
    if (sorted[mid] + shift >= target) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

#define SWEEP_BLOCK 1024
#define SWEEP_WAYS 4

static double split(void) {
  int unitsA = splitAt, unitsB = n - splitAt;
  double *aSums, *bSums;
  uint8_t *aKept, *bKept;
  sorted_half(0, unitsA, &aSums, &aKept);
  sorted_half(unitsA, n, &bSums, &bKept);
  size_t na = (size_t)1 << unitsA, nb = (size_t)1 << unitsB;
  double massA[64], massB[64];
  for (int k = 0; k <= unitsA; k++) massA[k] = mask_probability(k, unitsA);
  for (int k = 0; k <= unitsB; k++) massB[k] = mask_probability(k, unitsB);
  double *aMass = zalloc(na * 8);
  for (size_t i = 0; i < na; i++) aMass[i] = massA[aKept[i]];
  double *high = zalloc((nb + 1) * 8), *low = zalloc((nb + 1) * 8);
  double running = 0, error = 0;
  for (size_t p = 0; p < nb; p++) {
    double value = massB[bKept[p]], next = running + value;
    error += running >= value ? running - next + value : value - next + running;
    running = next;
    high[p + 1] = running;
    low[p + 1] = error;
  }
  /* The sweep, SWEEP_WAYS = 4 thresholds per pass (levels[j + 1] = tau_j, -inf before, +inf for the
     last interval and the empty ones after it). */
  double *prevHigh = zalloc(na * 8), *prevLow = zalloc(na * 8);
  double *totals = zalloc((count + SWEEP_WAYS) * 8), *errors = zalloc((count + SWEEP_WAYS) * 8);
  double *levels = zalloc((count + 1 + SWEEP_WAYS) * 8);
  levels[0] = -INFINITY;
  memcpy(levels + 1, thresholds, count * 8);
  for (int j = count + 1; j < count + 1 + SWEEP_WAYS; j++) levels[j] = INFINITY;
  double maxB = bSums[nb - 1];
  for (int t = 0; t <= count; t += SWEEP_WAYS) {
    size_t a = lower_bound(aSums, 0, na, maxB, levels[t]);
    size_t windowEnd = lower_bound(aSums, a, na, 0, levels[t + SWEEP_WAYS]);
    size_t p0 = nb, p1 = nb, p2 = nb, p3 = nb;
    double level0 = levels[t + 1], level1 = levels[t + 2], level2 = levels[t + 3], level3 = levels[t + 4];
    for (;;) {
      size_t to = a + SWEEP_BLOCK < windowEnd ? a + SWEEP_BLOCK : windowEnd;
      double sum0 = 0, sum1 = 0, sum2 = 0, sum3 = 0;
      for (size_t i = a; i < to; i++) {
        double sa = aSums[i];
        while (p0 > 0 && sa + bSums[p0 - 1] >= level0) p0--;
        while (p1 > 0 && sa + bSums[p1 - 1] >= level1) p1--;
        while (p2 > 0 && sa + bSums[p2 - 1] >= level2) p2--;
        while (p3 > 0 && sa + bSums[p3 - 1] >= level3) p3--;
        double m = aMass[i];
        double h0 = high[p0], l0 = low[p0], h1 = high[p1], l1 = low[p1];
        double h2 = high[p2], l2 = low[p2], h3 = high[p3], l3 = low[p3];
        sum0 += m * (h0 - prevHigh[i] + (l0 - prevLow[i]));
        sum1 += m * (h1 - h0 + (l1 - l0));
        sum2 += m * (h2 - h1 + (l2 - l1));
        sum3 += m * (h3 - h2 + (l3 - l2));
        prevHigh[i] = h3;
        prevLow[i] = l3;
      }
      add_compensated(totals, errors, t, sum0);
      add_compensated(totals, errors, t + 1, sum1);
      add_compensated(totals, errors, t + 2, sum2);
      add_compensated(totals, errors, t + 3, sum3);
      a = to;
      if (a >= windowEnd) break;
    }
  }
  double checksum = 0;
  for (int j = 0; j <= count; j++) checksum += (j + 1) * (totals[j] + errors[j]);
  free(aSums); free(bSums); free(aKept); free(bKept); free(aMass); free(high); free(low);
  free(prevHigh); free(prevLow); free(totals); free(errors); free(levels);
  return checksum;
}

/* ---- enumeration: shared set-up ---- */

#define ENUM_BLOCK 4096

typedef struct {
  double *aSums, *bSums, *bounds;
  uint8_t *aKept, *bKept;
  int32_t *cellBase;
  int cells, stride;
  double rootLow, cellScale, centre;
  double *counts;
} Enumeration;

static void half_sums(int from, int to, double **sums, uint8_t **kept) {
  size_t size = (size_t)1 << (to - from);
  double *s = zalloc(size * 8);
  uint8_t *k = zalloc(size);
  for (int i = from; i < to; i++) {
    size_t bit = (size_t)1 << (i - from);
    double w = squares[i];
    for (size_t m = 0; m < bit; m++) s[bit + m] = s[m] + w;
  }
  for (size_t m = 1; m < size; m++) k[m] = k[m >> 1] + (m & 1);
  *sums = s;
  *kept = k;
}

static void setup_enumeration(Enumeration *e) {
  half_sums(0, splitAt, &e->aSums, &e->aKept);
  half_sums(splitAt, n, &e->bSums, &e->bKept);
  e->bounds = zalloc((count + 4) * 8);
  memcpy(e->bounds, thresholds, count * 8);
  for (int j = count; j < count + 4; j++) e->bounds[j] = INFINITY;
  double lowT = count > 0 ? fmin(thresholds[0], total) : 0;
  double highT = count > 0 ? fmin(thresholds[count - 1], total) : total;
  e->cells = 16 * count > 4096 ? 4096 : 16 * count > 256 ? 16 * count : 256;
  e->rootLow = sqrt(lowT);
  double span = sqrt(highT) - e->rootLow;
  e->cellScale = span > 0 ? e->cells / span : 0;
  e->cellBase = zalloc(e->cells * 4);
  int j = 0;
  for (int c = 0; c < e->cells; c++) {
    while (j < count && fmax(0, floor((sqrt(thresholds[j]) - e->rootLow) * e->cellScale)) < c) j++;
    e->cellBase[c] = j;
  }
  e->stride = count + 1;
  e->centre = 0;
  e->counts = zalloc((size_t)(n + 1) * e->stride * 8);
}

static double enumeration_checksum(Enumeration *e, const double *counts, const double *first) {
  double checksum = 0;
  for (size_t s = 0; s < (size_t)(n + 1) * e->stride; s++) checksum += (s + 1) * counts[s];
  for (int k = 0; k <= n; k++) checksum += first[k];
  return checksum;
}

static void free_enumeration(Enumeration *e) {
  free(e->aSums); free(e->bSums); free(e->aKept); free(e->bKept); free(e->bounds); free(e->cellBase); free(e->counts);
}

/* ---- enumerate: the engine's kernel ---- */

/* A's sub-mask sums grouped by kept count (stable counting sort): group g at [starts[g], starts[g + 1]). */
static double *group_a(Enumeration *e, int *starts) {
  size_t na = (size_t)1 << splitAt;
  memset(starts, 0, (splitAt + 2) * sizeof *starts);
  for (size_t m = 0; m < na; m++) starts[e->aKept[m] + 1]++;
  for (int g = 1; g <= splitAt + 1; g++) starts[g] += starts[g - 1];
  double *grouped = zalloc(na * 8);
  int next[66];
  memcpy(next, starts, (splitAt + 1) * sizeof *starts);
  for (size_t m = 0; m < na; m++) grouped[next[e->aKept[m]]++] = e->aSums[m];
  return grouped;
}

static double enumerate(void) {
  Enumeration e;
  setup_enumeration(&e);
  int starts[66];
  double *grouped = group_a(&e, starts);
  uint64_t masks = (uint64_t)1 << n, lowMask = ((uint64_t)1 << splitAt) - 1;
  double first[64] = {0}, second[64] = {0}, totals[128] = {0}, errors[128] = {0};
  const double *bSums = e.bSums, *bounds = e.bounds;
  const uint8_t *bKept = e.bKept;
  const int32_t *cellBase = e.cellBase;
  double *counts = e.counts;
  const double centre = e.centre, rootLow = e.rootLow, cellScale = e.cellScale;
  const int cells = e.cells, stride = e.stride;
  const int last = cells - 1;
  for (uint64_t from = 0; from < masks; from += ENUM_BLOCK) {
    uint64_t to = from + ENUM_BLOCK < masks ? from + ENUM_BLOCK : masks;
    for (uint64_t i = from; i < to;) {
      uint64_t lo0 = i & lowMask, hi = i >> splitAt;
      uint64_t end = lowMask + 1 - lo0 < to - i ? lowMask + 1 - lo0 : to - i;
      const double b = bSums[hi];
      const int keptB = bKept[hi];
      for (int g = 0; g <= splitAt; g++) {
        uint64_t runFrom = lo0 > (uint64_t)starts[g] ? lo0 : (uint64_t)starts[g];
        uint64_t runTo = lo0 + end < (uint64_t)starts[g + 1] ? lo0 + end : (uint64_t)starts[g + 1];
        const int kept = g + keptB;
        double *row = counts + (size_t)kept * stride;
        double f = first[kept], q = second[kept];
        for (uint64_t lo = runFrom; lo < runTo; lo++) {
          double sum = grouped[lo] + b;
          double root = sqrt(sum), deviation = root - centre;
          f += deviation;
          q += deviation * deviation;
          double c = (root - rootLow) * cellScale;
          int j = cellBase[c < 0 ? 0 : c >= last ? last : (int)c];
          while (sum >= bounds[j]) j++;
          row[j] += 1;
        }
        first[kept] = f;
        second[kept] = q;
      }
      i += end;
    }
    for (int k = 0; k <= n; k++) {
      add_compensated(totals, errors, k, first[k]);
      add_compensated(totals, errors, n + 1 + k, second[k]);
      first[k] = second[k] = 0;
    }
  }
  for (int k = 0; k <= n; k++) first[k] = totals[k] + errors[k];
  double checksum = enumeration_checksum(&e, counts, first);
  free(grouped);
  free_enumeration(&e);
  return checksum;
}

/* ---- table: a table-driven C kernel with the same outputs ---- */

static double table(void) {
  Enumeration e;
  setup_enumeration(&e);
  int unitsA = splitAt, unitsB = n - splitAt;
  size_t na = (size_t)1 << unitsA, nb = (size_t)1 << unitsB;
  /* A grouped by kept count (stable counting sort). */
  int starts[66] = {0};
  for (size_t m = 0; m < na; m++) starts[e.aKept[m] + 1]++;
  for (int g = 1; g <= unitsA + 1; g++) starts[g] += starts[g - 1];
  double *grouped = zalloc(na * 8);
  int next[66];
  memcpy(next, starts, sizeof next);
  for (size_t m = 0; m < na; m++) grouped[next[e.aKept[m]]++] = e.aSums[m];
  int stride = e.stride, cells = e.cells;
  size_t slots = (size_t)(n + 1) * stride;
  uint32_t *hist = zalloc(4 * slots * 4); /* 4 interleaved histograms, flushed per row */
  double *root = zalloc(na * 8);
  double totals[128] = {0}, errors[128] = {0};
  const double centre = e.centre, rootLow = e.rootLow, cellScale = e.cellScale;
  const double *bounds = e.bounds;
  const int32_t *cellBase = e.cellBase;
  for (size_t hi = 0; hi < nb; hi++) {
    const double b = e.bSums[hi];
    const int keptB = e.bKept[hi];
#pragma omp simd
    for (size_t lo = 0; lo < na; lo++) root[lo] = sqrt(grouped[lo] + b);
    for (int g = 0; g <= unitsA; g++) {
      double f = 0, s = 0;
#pragma omp simd reduction(+ : f, s)
      for (int lo = starts[g]; lo < starts[g + 1]; lo++) {
        double d = root[lo] - centre;
        f += d;
        s += d * d;
      }
      add_compensated(totals, errors, g + keptB, f);
      add_compensated(totals, errors, n + 1 + g + keptB, s);
      uint32_t *row = hist + (size_t)(g + keptB) * stride;
      int lo = starts[g];
      for (; lo < starts[g + 1]; lo++) {
        double sum = grouped[lo] + b, c = (root[lo] - rootLow) * cellScale;
        int j = cellBase[c < 0 ? 0 : c >= cells ? cells - 1 : (int)c];
        while (sum >= bounds[j]) j++;
        row[(lo & 3) * slots + j]++;
      }
    }
  }
  double *counts = e.counts, first[64];
  for (size_t s = 0; s < slots; s++) counts[s] = (double)hist[s] + hist[slots + s] + hist[2 * slots + s] + hist[3 * slots + s];
  for (int k = 0; k <= n; k++) first[k] = totals[k] + errors[k];
  double checksum = enumeration_checksum(&e, counts, first);
  free(grouped); free(hist); free(root);
  free_enumeration(&e);
  return checksum;
}

int main(int argc, char **argv) {
  if (argc < 4) {
    fprintf(stderr, "usage: %s split|enumerate|table INPUT ROUNDS\n", argv[0]);
    return 2;
  }
  const char *kernel = argv[1];
  FILE *in = fopen(argv[2], "r");
  if (!in) { perror(argv[2]); return 1; }
  int rounds = atoi(argv[3]);
  if (fscanf(in, "%d %d %lf", &n, &splitAt, &keep) != 3) return 1;
  squares = zalloc(n * 8);
  for (int i = 0; i < n; i++) if (fscanf(in, "%lf", &squares[i]) != 1) return 1;
  if (fscanf(in, "%d", &count) != 1) return 1;
  thresholds = zalloc((count + 1) * 8);
  for (int j = 0; j < count; j++) if (fscanf(in, "%lf", &thresholds[j]) != 1) return 1;
  fclose(in);
  /* S of the all-kept mask in the engine's order: half A, then half B, each in increasing index. */
  double partA = 0, partB = 0;
  for (int i = 0; i < splitAt; i++) partA += squares[i];
  for (int i = splitAt; i < n; i++) partB += squares[i];
  total = partA + partB;
  double (*run)(void) = strcmp(kernel, "split") == 0 ? split : strcmp(kernel, "enumerate") == 0 ? enumerate : table;
  double best = INFINITY, checksum = 0;
  for (int r = 0; r < rounds; r++) {
    double start = cpu_ms();
    checksum = run();
    double ms = cpu_ms() - start;
    if (ms < best) best = ms;
  }
  printf("%s %d %g %.4g %.2f %.15g\n", kernel, n, keep, best * 1e6 / ldexp(1, n), best, checksum);
  return 0;
}
