/*
 * C counterparts of the engine's Monte Carlo samplers (src/math/sample*.ts), the same algorithms
 * step for step, to measure how close the JavaScript is to what the machine can do:
 *   bernoulli  sfc32 words (q = 1/2) or byte alias draws (other q), 8-unit subset-sum tables for S
 *   fixed      the cheaper of two exact methods by the engine's cost model (fixedCountMethod in
 *              sampleKernels.ts): a Bernoulli(k/n) mask repaired to k units (fixedCountRepair.ts), or a
 *              partial Fisher-Yates over min(k, n - k) units (Lemire's bounded integers); the same tables
 *   match      alias/half words, S and Z tables, per-(group, subset) sums of 1/sqrt(S) and 1/S
 *   dropconnect 4 rows, batches of 1024 masks, four byte tables per word of weights built per batch
 * and per mask what sampleStreams.ts does: ||y|| = f*sqrt(S), four shifted power sums (blocks of
 * 4096, Neumaier-folded), the quantile cell (pilot of 4096, then coarse/fine grid with count, min,
 * max), the histogram bin (uniform edges with the edge corrections) and the count above ||x||.
 *
 *   gcc -O3 -march=native -fno-math-errno -o samplers bench/samplers.c -lm
 *   ./samplers NAME N Q COUNT ROUNDS     prints "NAME n q ns-per-mask" (CPU time, best of ROUNDS)
 */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define CHUNK 1024
#define PILOT 4096
#define COARSE 4096
#define FINE 4096
#define BINS 128
#define BLOCK 4096

static uint32_t A, B, C, D;
static inline uint32_t sfc32(void) {
  uint32_t t = A + B + D;
  D += 1;
  A = B ^ (B >> 9);
  B = C + (C << 3);
  C = ((C << 21) | (C >> 11)) + t;
  return t;
}
static void seed(uint32_t s) {
  uint32_t w = s;
  uint32_t *st[4] = {&A, &B, &C, &D};
  for (int k = 0; k < 4; k++) {
    w += 0x9e3779b9u;
    uint32_t t = w ^ (w >> 16);
    t *= 0x21f0aaadu;
    t ^= t >> 15;
    t *= 0x735a2d97u;
    *st[k] = t ^ (t >> 15);
  }
  for (int k = 0; k < 12; k++) sfc32();
}

/* ---- byte alias law ---- */
static double thresholds[256];
static int aliases[256];
/* threshold (2^31 wrapped to -2^31) and alias side by side, as MaskWordLaw.table */
static int32_t alias_table[512];
static int mode; /* 0 all, 1 half, 2 alias */
static void alias_law(double q) {
  if (q == 1) { mode = 0; return; }
  if (q == 0.5) { mode = 1; return; }
  mode = 2;
  double scaled[256], share[256];
  int small[256], large[256], ns = 0, nl = 0;
  for (int v = 0; v < 256; v++) {
    int k = __builtin_popcount(v);
    scaled[v] = 256 * pow(q, k) * pow(1 - q, 8 - k);
    share[v] = 1;
    aliases[v] = v;
    if (scaled[v] < 1) small[ns++] = v; else large[nl++] = v;
  }
  while (ns > 0 && nl > 0) {
    int s = small[--ns], l = large[--nl];
    share[s] = scaled[s];
    aliases[s] = l;
    scaled[l] = scaled[l] + scaled[s] - 1;
    if (scaled[l] < 1) small[ns++] = l; else large[nl++] = l;
  }
  for (int c = 0; c < 256; c++) {
    thresholds[c] = round(share[c] * 2147483648.0);
    alias_table[2 * c] = (int32_t)(uint32_t)(int64_t)thresholds[c];
    alias_table[2 * c + 1] = aliases[c];
  }
}
static inline uint32_t mask_word(void) {
  if (mode == 0) return 0xffffffffu;
  uint32_t r = sfc32();
  if (mode == 1) return r;
  uint32_t columns = r, word = 0;
  for (int g = 0; g < 32; g += 8) {
    r = sfc32();
    uint32_t column = (columns >> g) & 255;
    uint32_t take = ((uint32_t)(r >> 1) - (uint32_t)alias_table[2 * column]) >> 31;
    uint32_t alias = (uint32_t)alias_table[2 * column + 1];
    word |= (alias ^ ((column ^ alias) & -take)) << g;
  }
  return word;
}

/* ---- streams (add_moments and bin_chunk noinline, like the kernels below) ---- */
static double shift, blocksum[4], totals[4], comps[4];
static long count_all, in_block;
static double pilot[PILOT];
static double cell_count[COARSE + FINE], cell_min[COARSE + FINE], cell_max[COARSE + FINE];
static double coarse_scale, coarse_width, window_low, window_high, fine_scale;
static int first_coarse, end_coarse;
static long added;
static double edges[BINS + 1], hist[BINS], first_edge, last_edge, slack, inv_width;
static long above;
static double above_threshold;

static int cmp(const void *a, const void *b) {
  double x = *(const double *)a, y = *(const double *)b;
  return x < y ? -1 : x > y;
}
static inline int grid_cell(double v) {
  if (v >= window_low && v < window_high) {
    int f = (int)floor((v - window_low) * fine_scale);
    return COARSE + (f < FINE - 1 ? f : FINE - 1);
  }
  double fc = floor(v * coarse_scale);
  int cell = fc < 0 ? 0 : fc > COARSE - 1 ? COARSE - 1 : (int)fc;
  if (cell >= first_coarse && cell < end_coarse) {
    cell = v < window_low ? first_coarse - 1 : end_coarse;
    if (cell < 0) return COARSE;
    if (cell >= COARSE) return COARSE + FINE - 1;
  }
  return cell;
}
static inline void record_cell(double v) {
  int cell = grid_cell(v);
  cell_count[cell] += 1;
  cell_min[cell] = v < cell_min[cell] ? v : cell_min[cell];
  cell_max[cell] = v > cell_max[cell] ? v : cell_max[cell];
}
static void streams_init(double top, double reference) {
  memset(blocksum, 0, sizeof blocksum); memset(totals, 0, sizeof totals); memset(comps, 0, sizeof comps);
  count_all = in_block = added = above = 0;
  memset(cell_count, 0, sizeof cell_count);
  for (int c = 0; c < COARSE + FINE; c++) { cell_min[c] = INFINITY; cell_max[c] = -INFINITY; }
  coarse_width = top / COARSE;
  coarse_scale = 1 / coarse_width;
  window_low = window_high = fine_scale = 0;
  first_coarse = end_coarse = 0;
  for (int j = 0; j <= BINS; j++) edges[j] = top * j / BINS;
  memset(hist, 0, sizeof hist);
  first_edge = 0; last_edge = top; slack = 1e-12 * top; inv_width = BINS / top;
  above_threshold = reference * (1 + 1e-12);
}
static void fix_grid(void) {
  double sorted[PILOT];
  memcpy(sorted, pilot, sizeof sorted);
  qsort(sorted, PILOT, sizeof(double), cmp);
  double low = sorted[(int)ceil(0.001 * PILOT) - 1], high = sorted[(int)floor(0.999 * PILOT) - 1];
  double span = high - low;
  if (span > 0) {
    int fc = (int)floor((low - span / 4) / coarse_width);
    first_coarse = fc > 0 ? fc : 0;
    int ec = (int)floor((high + span / 4) / coarse_width) + 1;
    end_coarse = ec < COARSE ? ec : COARSE;
    window_low = first_coarse * coarse_width;
    window_high = end_coarse == COARSE ? INFINITY : end_coarse * coarse_width;
    fine_scale = FINE / ((end_coarse - first_coarse) * coarse_width);
  }
  for (int k = 0; k < PILOT; k++) record_cell(pilot[k]);
}
__attribute__((noinline)) static void add_moments(const double *v, int count) {
  if (count > 0 && count_all == 0) shift = v[0];
  int t = 0;
  while (t < count) {
    int end = count < t + BLOCK - in_block ? count : t + BLOCK - in_block;
    int taken = end - t;
    double s1 = blocksum[0], s2 = blocksum[1], s3 = blocksum[2], s4 = blocksum[3];
    for (; t < end; t++) {
      double d = v[t] - shift, d2 = d * d;
      s1 += d; s2 += d2; s3 += d2 * d; s4 += d2 * d2;
    }
    blocksum[0] = s1; blocksum[1] = s2; blocksum[2] = s3; blocksum[3] = s4;
    count_all += taken;
    in_block += taken;
    if (in_block == BLOCK) {
      for (int p = 0; p < 4; p++) {
        double next = totals[p] + blocksum[p];
        comps[p] += fabs(totals[p]) >= fabs(blocksum[p]) ? totals[p] - next + blocksum[p] : blocksum[p] - next + totals[p];
        totals[p] = next;
        blocksum[p] = 0;
      }
      in_block = 0;
    }
  }
}
__attribute__((noinline)) static void bin_chunk(const double *values, int count) {
  int t = 0;
  for (; t < count && added < PILOT; t++) {
    pilot[added++] = values[t];
    if (added == PILOT) fix_grid();
    double v = values[t] + slack;
    if (!(v < first_edge || v > last_edge + 2 * slack)) {
      double fj = floor((v - first_edge) * inv_width);
      int j = fj < 0 ? 0 : fj > BINS - 1 ? BINS - 1 : (int)fj;
      while (j > 0 && v < edges[j]) j--;
      while (j < BINS - 1 && v >= edges[j + 1]) j++;
      hist[j] += 1;
    }
    above += values[t] > above_threshold;
  }
  added += count - t;
  for (; t < count; t++) {
    double value = values[t];
    above += value > above_threshold;
    record_cell(value);
    double v = value + slack;
    if (v < first_edge || v > last_edge + 2 * slack) continue;
    double fj = floor((v - first_edge) * inv_width);
    int j = fj < 0 ? 0 : fj > BINS - 1 ? BINS - 1 : (int)fj;
    while (j > 0 && v < edges[j]) j--;
    while (j < BINS - 1 && v >= edges[j + 1]) j++;
    hist[j] += 1;
  }
}

/* ---- kernels ----
 * Each kernel and stream pass is compiled on its own (noinline): inlined into main, a change to one
 * kernel moved the code and registers of the others (bernoulli 1024 1/2: 61 -> 99 ns per mask after
 * the DropConnect table loop changed), so a row's C time depended on unrelated code. */
static int n, words, kept;
static double *square_table, *product_table, *match_table;
static int *order;
static double squared[CHUNK], downs_raw[CHUNK], norms[CHUNK], downs[CHUNK];
static double *xs;

static double *subset_sums(const double *v) {
  double *table = calloc((size_t)words * 4 * 256, sizeof(double));
  for (int e = 0; e < words * 4; e++)
    for (int s = 1; s < 256; s++) {
      double sum = 0;
      for (int l = 0; l < 8; l++) if ((s >> l) & 1 && e * 8 + l < n) sum += v[e * 8 + l];
      table[(e << 8) | s] = sum;
    }
  return table;
}
static inline double table_sum(const double *table, uint32_t word, int w) {
  int base = w << 10;
  return table[base | (word & 255)] + table[base | 256 | ((word >> 8) & 255)] + table[base | 512 | ((word >> 16) & 255)] + table[base | 768 | (word >> 24)];
}
__attribute__((noinline)) static void draw_bernoulli(int count) {
  for (int t = 0; t < count; t++) {
    double s = 0;
    for (int w = 0; w < words; w++) s += table_sum(square_table, mask_word(), w);
    squared[t] = s;
  }
}
__attribute__((noinline)) static void draw_fixed(int count) {
  int picked = kept < n - kept ? kept : n - kept;
  int pick_kept = kept <= n - kept;
  uint32_t last = n % 32 == 0 ? 0xffffffffu : (1u << (n % 32)) - 1;
  uint32_t mask[64];
  for (int t = 0; t < count; t++) {
    for (int w = 0; w < words; w++) mask[w] = pick_kept ? 0 : 0xffffffffu;
    mask[words - 1] &= last;
    for (int i = 0; i < picked; i++) {
      uint32_t range = n - i;
      uint64_t product;
      for (;;) {
        product = (uint64_t)sfc32() * range;
        uint32_t low = (uint32_t)product;
        if (low >= range || low >= (uint32_t)(-range) % range) break;
      }
      int j = i + (int)(product >> 32);
      int unit = order[j];
      order[j] = order[i];
      order[i] = unit;
      mask[unit >> 5] ^= 1u << (unit & 31);
    }
    double s = 0;
    for (int w = 0; w < words; w++) s += table_sum(square_table, mask[w], w);
    squared[t] = s;
  }
}
static inline int uniform_below(uint32_t range) {
  for (;;) {
    uint64_t product = (uint64_t)sfc32() * range;
    uint32_t low = (uint32_t)product;
    if (low >= range || low >= (uint32_t)(-range) % range) return (int)(product >> 32);
  }
}
/* fixedCountMethod: repair when its expected cost is below the shuffle's. */
static int fixed_uses_repair(void) {
  double q = (double)kept / n;
  double repair = (q == 0.5 ? 1 : 4) * words + 3 * sqrt(2 * n * q * (1 - q) / 3.14159265358979323846) + words;
  double shuffle = (kept < n - kept ? kept : n - kept) + words;
  return repair < shuffle;
}
/* fixKeptCount: add (remove) uniform units of the complement (of the mask) until k are kept. */
__attribute__((noinline)) static void draw_fixed_repair(int count) {
  uint32_t last = n % 32 == 0 ? 0xffffffffu : (1u << (n % 32)) - 1;
  uint32_t mask[64];
  for (int t = 0; t < count; t++) {
    for (int w = 0; w < words; w++) mask[w] = mask_word();
    mask[words - 1] &= last;
    int c = 0;
    for (int w = 0; w < words; w++) c += __builtin_popcount(mask[w]);
    while (c != kept) {
      int adding = c < kept;
      int candidates = adding ? n - c : c;
      int unit = 0;
      if (candidates * 8 >= n) {
        do unit = uniform_below((uint32_t)n);
        while ((int)((mask[unit >> 5] >> (unit & 31)) & 1) == adding);
      } else {
        int rank = uniform_below((uint32_t)candidates);
        for (int w = 0; w < words; w++) {
          uint32_t bits = (adding ? ~mask[w] : mask[w]) & (w == words - 1 ? last : 0xffffffffu);
          int in_word = __builtin_popcount(bits);
          if (rank >= in_word) { rank -= in_word; continue; }
          for (; rank > 0; rank--) bits &= bits - 1;
          unit = w * 32 + __builtin_ctz(bits);
          break;
        }
      }
      mask[unit >> 5] ^= 1u << (unit & 31);
      c += adding ? 1 : -1;
    }
    double s = 0;
    for (int w = 0; w < words; w++) s += table_sum(square_table, mask[w], w);
    squared[t] = s;
  }
}
__attribute__((noinline)) static void draw_match(int count) {
  uint32_t mask[64];
  for (int t = 0; t < count; t++) {
    double s = 0, z = 0;
    for (int w = 0; w < words; w++) {
      mask[w] = mask_word();
      s += table_sum(square_table, mask[w], w);
      z += table_sum(product_table, mask[w], w);
    }
    if (s > 0) {
      double first = 1 / sqrt(s), second = 1 / s;
      for (int w = 0; w < words; w++)
        for (int h = 0; h < 4; h++) {
          int index = 2 * ((((w << 2) + h) << 8) | ((mask[w] >> (8 * h)) & 255));
          match_table[index] += first;
          match_table[index + 1] += second;
        }
    }
    squared[t] = s;
    downs_raw[t] = z;
  }
}

/* DropConnect, 4 rows, batch 1024 */
#define ROWS 4
static double *contrib;
static double tables4[1024], row_totals[CHUNK];
__attribute__((noinline)) static void draw_dropconnect(void) {
  int wpr = words;
  memset(squared, 0, sizeof squared);
  for (int j = 0; j < ROWS; j++) {
    memset(row_totals, 0, sizeof row_totals);
    for (int w = 0; w < wpr; w++) {
      /* buildByteTables: entries by lowest bit, highest first, each = entry without that bit + unit;
         the four groups side by side, level by level */
      tables4[0] = tables4[256] = tables4[512] = tables4[768] = 0;
      for (int lane = 7; lane >= 0; lane--) {
        double value[4];
        for (int g = 0; g < 4; g++) { int i = 32 * w + 8 * g + lane; value[g] = i < n ? contrib[j * n + i] : 0; }
        int step = 1 << lane;
        for (int v = step; v < 256; v += 2 * step)
          for (int g = 0; g < 4; g++) tables4[(g << 8) + v] = tables4[(g << 8) + v - step] + value[g];
      }
      for (int t = 0; t < CHUNK; t++) {
        uint32_t word = mask_word();
        row_totals[t] += tables4[word & 255] + tables4[256 | ((word >> 8) & 255)] + tables4[512 | ((word >> 16) & 255)] + tables4[768 | (word >> 24)];
      }
    }
    for (int t = 0; t < CHUNK; t++) squared[t] += row_totals[t] * row_totals[t];
  }
}

static double cpu_ns(void) {
  struct timespec ts;
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
  return ts.tv_sec * 1e9 + ts.tv_nsec;
}

int main(int argc, char **argv) {
  const char *name = argc > 1 ? argv[1] : "bernoulli";
  n = argc > 2 ? atoi(argv[2]) : 192;
  double q = argc > 3 ? atof(argv[3]) : 0.5;
  long count = argc > 4 ? atol(argv[4]) : 1000000;
  int rounds = argc > 5 ? atoi(argv[5]) : 3;
  words = (n + 31) / 32;
  xs = malloc(n * sizeof(double));
  uint32_t lcg = 42;
  double norm2 = 0;
  for (int i = 0; i < n; i++) { lcg = lcg * 1664525u + 1013904223u; xs[i] = (lcg >> 8) / 16777216.0 + 1e-3; norm2 += xs[i] * xs[i]; }
  for (int i = 0; i < n; i++) xs[i] /= sqrt(norm2);
  double *sq = calloc(n, sizeof(double));
  for (int i = 0; i < n; i++) sq[i] = xs[i] * xs[i];
  square_table = subset_sums(sq);
  product_table = subset_sums(xs);
  match_table = calloc((size_t)words * 4 * 256 * 2, sizeof(double));
  order = malloc(n * sizeof(int));
  for (int i = 0; i < n; i++) order[i] = i;
  contrib = malloc((size_t)ROWS * n * sizeof(double));
  for (int k = 0; k < ROWS * n; k++) { lcg = lcg * 1664525u + 1013904223u; contrib[k] = ((lcg >> 8) / 16777216.0 - 0.5) * xs[k % n]; }
  int is_fixed = strcmp(name, "fixed") == 0, is_match = strcmp(name, "match") == 0, is_dc = strcmp(name, "dropconnect") == 0;
  kept = (int)lround(q * n);
  double qq = is_fixed ? (double)kept / n : q;
  alias_law(qq);
  int repair = is_fixed && fixed_uses_repair();
  double best = INFINITY, checksum = 0;
  for (int r = 0; r < rounds; r++) {
    seed(1);
    double top = is_match ? 1.0 : 1.0 / qq;
    streams_init(is_dc ? 2.0 / qq : top, 1.0);
    double start = cpu_ns();
    for (long done = 0; done < count; done += CHUNK) {
      int chunk = count - done < CHUNK ? (int)(count - done) : CHUNK;
      if (is_dc) { draw_dropconnect(); }
      else if (is_fixed) { if (repair) draw_fixed_repair(chunk); else draw_fixed(chunk); }
      else if (is_match) draw_match(chunk);
      else draw_bernoulli(chunk);
      if (is_match) {
        for (int t = 0; t < chunk; t++) {
          norms[t] = squared[t] > 0 ? 1.0 : 0;
          downs[t] = squared[t] > 0 ? downs_raw[t] / sqrt(squared[t]) : 0;
        }
      } else {
        double f = 1 / qq;
        for (int t = 0; t < chunk; t++) norms[t] = f * sqrt(squared[t]);
      }
      add_moments(norms, chunk);
      bin_chunk(norms, chunk);
    }
    double ns = (cpu_ns() - start) / count;
    if (ns < best) best = ns;
    checksum += totals[0] + hist[BINS / 2] + above;
  }
  printf("%s %d %g %.2f%s\n", name, n, q, best, is_fixed ? (repair ? " repair" : " shuffle") : "");
  if (checksum == 12345.678) printf("(checksum)\n");
  return 0;
}
