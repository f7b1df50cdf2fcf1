/**
 * The engine's channels: the only list of them. A channel is a set of engine queries derived from
 * the base state (memoised, so an unchanged state gives the same array and nothing is resent), with
 * its own results store; a new state supersedes only that channel's running job. `worker` says which
 * of the page's two workers computes it: the sections' numbers on the second, so the main figure
 * never waits behind them, except the comparison, which shares the main figure's worker so that its
 * compensations reuse the main figure's meet-in-the-middle halves (math/splitLawCache.ts); it is
 * deferred, so it runs after the main figure, or beside it (slice by slice) while it is in view.
 * A section that needs numbers of its own adds a channel here and reads it with useAnalysis.
 * A deferred channel is computed only while a part near the viewport shows it (useChannelDemand),
 * or once the main figure is done and the state has been still (channelDemand.ts, analysisSync.ts).
 */
import type { EngineQuery } from '../math/index.ts';
import { selectCompareQueries, selectMainQueries } from './analysisRequest.ts';
import type { ExplorerState } from './explorerState.ts';
import { selectLayersQueries } from './layersQueries.ts';
import { selectMeanQueries } from './meanQueries.ts';

export interface ChannelSpec {
  /** Which worker computes it (0 or 1). */
  readonly worker: 0 | 1;
  /** The channel's queries for a base state (memoised on the fields they read). */
  readonly select: (state: ExplorerState) => readonly EngineQuery[];
  /** Computed on demand or when the page is idle, not on every change (the main figure never is). */
  readonly deferred: boolean;
}

export const CHANNELS = {
  /** The main figure: the law of the norm under the chosen model and compensation. */
  main: { worker: 0, select: selectMainQueries, deferred: false },
  /** The compared compensations, side by side. */
  compare: { worker: 0, select: selectCompareQueries, deferred: true },
  /** The layers section's own numbers: Bernoulli masks and 1/q, with the percentile of a measured ‖y‖. */
  layers: { worker: 1, select: selectLayersQueries, deferred: true },
  /** The mean section's own numbers: E[y_i], sd(y_i) and the law of z = w·y, unit masks. */
  mean: { worker: 1, select: selectMeanQueries, deferred: true },
} as const satisfies Record<string, ChannelSpec>;

export type ChannelId = keyof typeof CHANNELS;

export const CHANNEL_IDS = Object.keys(CHANNELS) as ChannelId[];
