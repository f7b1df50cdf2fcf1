import { scaleLinear, type ScaleLinear } from 'd3';

/**
 * A vertical scale for signed bars: its domain covers every finite value and 0 (bars grow from the
 * zero line), is never empty, and is rounded to nice ticks. bottom/top are pixel positions.
 */
export function valueScale(values: readonly number[], bottom: number, top: number): ScaleLinear<number, number> {
  const finite = values.filter(Number.isFinite);
  const low = Math.min(0, ...finite);
  const high = Math.max(0, ...finite);
  return scaleLinear()
    .domain([low, high > low ? high : low + 1])
    .range([bottom, top])
    .nice();
}
