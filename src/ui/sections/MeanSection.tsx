import { type Compensation, seededWeights } from '../../math/index.ts';
import { useMemo, useRef } from 'react';
import { DownstreamHistogram, type DownstreamMarker } from '../../charts/DownstreamHistogram.tsx';
import { UnitMeansChart } from '../../charts/UnitMeansChart.tsx';
import { formatKeep } from '../../explain/formatNumber.ts';
import {
  biasedMeanTex,
  DOWNSTREAM_TERMS,
  downstreamMeanTex,
  downstreamVarianceTex,
  formatAdaptive,
  unitMeanTex,
  unitVarianceTex,
} from '../../explain/meanDerivation.ts';
import { Tex } from '../../explain/Tex.tsx';
import { MAX_SEED } from '../../state/explorerState.ts';
import { selectKept, selectVector } from '../../state/selectors.ts';
import { DraggableNumber } from '../DraggableNumber.tsx';
import { useNotationNumber } from '../notationNumber.ts';
import { useActions, useExplorer } from '../explorerContext.ts';
import { FigureData } from '../FigureData.tsx';
import { FigureExport } from '../FigureExport.tsx';
import { useHighlight } from '../highlightContext.ts';
import { HighlightKeys } from '../HighlightKeys.tsx';
import { useCompensationLabels } from '../labels.ts';
import { downstreamHistogram } from '../meanDownstreamHistogram.ts';
import { meanFigureNumbers, type MeanFigureNumbers } from '../meanFigureNumbers.ts';
import {
  describeDownstream,
  describeUnitMeans,
  downstreamRows,
  formatWithError,
  largestUnit,
  MAX_SHOWN_UNITS,
  meanProvenance,
  unitMeanRows,
  weightRows,
} from '../meanFigureText.ts';
import { MAX_ENUMERATED_MEAN_UNITS } from '../meanUnitLaw.ts';
import { Section } from '../Section.tsx';
import { useAnalysis } from '../analysisContext.ts';
import { selectFirstResult } from '../../state/analysisStore.ts';
import { ActionButton } from '../ActionButton.tsx';

/** Rows of the weights table. */
const MAX_WEIGHT_ROWS = 64;

/** Bins of the histogram of z. */
const DOWNSTREAM_BINS = 32;

/** TeX of the scale of each scalar compensation other than 1/q. */
const SCALE_TEX = { none: '1', sqrt: String.raw`1/\sqrt q`, constant: String.raw`c^*` } as const;

/**
 * Section 3: what dividing by q preserves. Per unit, E[y_i] = x_i (bars against exact means, with
 * ±1 sd whiskers); for a downstream unit z = w·y, E[z] = w·x with variance (1−q)/q Σ w_i² x_i².
 * Its numbers follow the sidebar's compensation; the derivation is that of 1/q.
 */
export function MeanSection() {
  const COMPENSATION_LABELS = useCompensationLabels();
  const x = useExplorer(selectVector);
  const keep = useExplorer((s) => s.keep);
  const stateModel = useExplorer((s) => s.model);
  const kept = useExplorer(selectKept);
  const compensation = useExplorer((s) => s.compensation);
  const weightsSeed = useExplorer((s) => s.weightsSeed);
  const notation = useExplorer((s) => s.notation);
  const { setWeightsSeed } = useActions();
  const [highlight, setHighlight] = useHighlight();
  const model: 'bernoulli' | 'fixed' = stateModel === 'fixed' ? 'fixed' : 'bernoulli';
  const n = x.length;
  const w = useMemo(() => seededWeights(1, n, weightsSeed).values, [n, weightsSeed]);
  // The worker's result is only consulted above the enumeration limit (per-sample matching, and c* of the fixed model).
  const engine = useAnalysis('main', (s) => (x.length > MAX_ENUMERATED_MEAN_UNITS ? selectFirstResult(s) : null));
  const outcome = useMemo(
    () => meanFigureNumbers({ x, w, keep, model, kept, compensation }, engine),
    [x, w, keep, model, kept, compensation, engine],
  );
  const q = model === 'fixed' ? kept / n : keep;
  const unit = largestUnit(x);
  const unitInput = { value: x[unit - 1] ?? 0, index: unit, keep: q };
  const derivationInput = { x, w, keep: q, model };
  const shown = Math.min(n, MAX_SHOWN_UNITS);
  const unitsFigure = useRef<HTMLElement>(null);

  const notationNumber = useNotationNumber();
  const keepControl = (
    <DraggableNumber
      {...notationNumber}
      label={notation === 'keep' ? 'q (keep probability), section 3' : 'p (drop rate), section 3'}
      display={notation === 'keep' ? `q = ${notationNumber.display}` : `p = ${notationNumber.display} (q = ${formatKeep(keep)})`}
    />
  );

  return (
    <Section id="mean">
      <p>
        Follow one unit through dropout at {keepControl}. With probability q it is kept and divided by q, giving
        x<sub>i</sub>/q; otherwise it is 0. On average that is q · x<sub>i</sub>/q + (1 − q) · 0 = x<sub>i</sub>. Whatever a
        single mask does to the length of the vector, every unit is right on average.
      </p>
      {stateModel === 'dropconnect' ? (
        <p className="mean-note">
          The page’s mask model is DropConnect, which masks weights (section 7). This section shows unit dropout
          with Bernoulli masks at the same q.
        </p>
      ) : null}
      {model === 'fixed' ? (
        <p className="mean-note">
          Fixed count: exactly k = {kept} of n = {n} units kept, so q = k/n = {formatKeep(q)}. Each unit is still kept
          with probability q, so its mean and variance are those of the Bernoulli model; the units become negatively
          correlated, which the downstream unit below feels.
        </p>
      ) : null}
      {outcome.ok ? (
        <>
          <figure className="mean-figure" ref={unitsFigure}>
            <UnitMeansChart
              units={x.slice(0, shown).map((v, i) => ({
                value: v,
                mean: outcome.numbers.meanY[i] ?? 0,
                sd: outcome.numbers.sdY?.[i] ?? null,
              }))}
              title={`Each unit x_i against the mean of its dropout output E[y_i], q = ${formatKeep(q)}`}
              description={describeUnitMeans(x, outcome.numbers)}
            />
            <figcaption>
              <span className="mean-legend-bar" aria-hidden="true" /> bar: x<sub>i</sub>{' '}
              <span className="mean-legend-diamond" aria-hidden="true">◆</span> E[y<sub>i</sub>]{' '}
              <span className="mean-legend-whisker" aria-hidden="true">⟝⟞</span> E[y<sub>i</sub>] ± sd(y<sub>i</sub>), with{' '}
              {COMPENSATION_LABELS[compensation]} ({meanProvenance(outcome.numbers)}).
              {n > shown ? ` The first ${shown} of ${n} units are drawn.` : ''}
              {outcome.numbers.sdY === null ? ' The spread of per-sample matching is only computed by enumeration (n ≤ 16).' : ''}
            </figcaption>
          </figure>
          <FigureExport target={unitsFigure} fileName="mean-units" label="chart of each x_i against E[y_i] ± sd(y_i)" />
          <FigureData
            title={`Mean and spread of each unit’s output (${meanProvenance(outcome.numbers)})`}
            columns={['unit i', 'x_i', 'E[y_i]', 'sd(y_i)', 'E[y_i] − x_i']}
            rows={unitMeanRows(x, outcome.numbers, shown)}
          />
        </>
      ) : (
        <p className="mean-note" role="status" aria-busy={outcome.pending}>
          {outcome.reason}
        </p>
      )}
      <p>With the numbers of the largest unit, for y = m⊙x/q:</p>
      <Tex tex={unitMeanTex(unitInput)} display label="mean-unit" />
      <Tex tex={unitVarianceTex(unitInput)} display label="mean-unit-variance" />
      <p>
        The price of dropout is noise, not bias: each output scatters by sd(y<sub>i</sub>) = |x<sub>i</sub>|√((1 − q)/q) around
        its own x<sub>i</sub>
        {Math.abs(q - 0.5) < 1e-9 ? <>, which at q = 0.50 is as large as |x<sub>i</sub>| itself</> : null}.
      </p>
      <CompensationNote compensation={compensation} outcomeScale={outcome.ok ? outcome.numbers.scale : null} unitInput={unitInput} />

      <h3>What the next layer sees</h3>
      <p>
        The next layer never looks at ‖y‖. Each of its units computes a weighted sum z = w·y, and a sum of unbiased terms is
        unbiased: E[z] = Σ w<sub>i</sub> E[y<sub>i</sub>] = w·x, the value it gets at test time without dropout. Here w is
        drawn at random (seed {weightsSeed}, entries N(0, 1/n)).{' '}
        <ActionButton groups={['method']} onClick={() => setWeightsSeed(weightsSeed >= MAX_SEED ? 0 : weightsSeed + 1)}>
          New weights w
        </ActionButton>
      </p>
      {outcome.ok ? (
        <>
          <DownstreamFigure x={x} w={w} numbers={outcome.numbers} highlight={highlight} onHighlight={setHighlight} />
          <HighlightKeys
            keys={[
              { term: DOWNSTREAM_TERMS.mean, label: 'E[z]' },
              { term: DOWNSTREAM_TERMS.undropped, label: 'w·x' },
              // The figure draws ±1 sd only when the spread is not 0.
              ...(outcome.numbers.varZ > 0 ? [{ term: DOWNSTREAM_TERMS.sd, label: 'sd z' }] : []),
            ]}
            where="the histogram above and the formulas below"
          />
        </>
      ) : null}
      <p>
        {compensation === 'inverted' ? 'With' : 'For inverted dropout (1/q), the compensation the frameworks use, with'} these
        numbers:
      </p>
      <Tex tex={downstreamMeanTex(derivationInput)} display label="mean-downstream" highlight={highlight} onHighlight={setHighlight} />
      <Tex
        tex={downstreamVarianceTex(derivationInput)}
        display
        label="mean-downstream-variance"
        highlight={highlight}
        onHighlight={setHighlight}
      />
      {model === 'fixed' ? (
        <p className="mean-note">
          With exactly k kept the mask bits are negatively correlated, Cov(m<sub>i</sub>, m<sub>j</sub>) = −q(1 − q)/(n − 1),
          which turns Σ w<sub>i</sub>²x<sub>i</sub>² into the finite-population form above (the correction for drawing the k kept units without replacement).
        </p>
      ) : null}
      <p>
        This is the real answer to “why is it acceptable?”: every unit of the next layer receives, on average, exactly
        its test-time input w·x. The norm of y was never the invariant; the mean of every linear read-out is. What
        dividing by q cannot remove is the variance (1 − q)/q · Σ w<sub>i</sub>²x<sub>i</sub>², the noise that makes
        dropout a regulariser.
      </p>
    </Section>
  );
}

interface CompensationNoteProps {
  readonly compensation: Compensation;
  readonly outcomeScale: number | null;
  readonly unitInput: { readonly value: number; readonly index: number; readonly keep: number };
}

/** What the sidebar's compensation does to the mean, when it is not 1/q. */
function CompensationNote({ compensation, outcomeScale, unitInput }: CompensationNoteProps) {
  const COMPENSATION_LABELS = useCompensationLabels();
  if (compensation === 'inverted') {
    return (
      <p className="mean-note">
        Pick another compensation among the controls to see the diamonds leave the ends of their bars: only 1/q keeps
        E[y] = x for every x.
      </p>
    );
  }
  if (compensation === 'match') {
    return (
      <p className="mean-note">
        With per-sample norm matching ({COMPENSATION_LABELS.match}) the scale depends on which units survived, so
        E[y<sub>i</sub>] is no longer proportional to x<sub>i</sub>: the diamonds above leave their bars by a factor
        that differs from unit to unit, and the next layer’s inputs are biased.
      </p>
    );
  }
  return (
    <>
      <p className="mean-note">
        The page’s compensation is {COMPENSATION_LABELS[compensation]}: every mean is multiplied by the same factor
        s·q ≠ 1, so the next layer’s inputs are biased.
        {compensation === 'none'
          ? ' The 2014 paper corrects this at test time instead, multiplying by q there: the same network with q moved into the next layer’s weights.'
          : ''}
      </p>
      {outcomeScale !== null ? (
        <Tex
          tex={biasedMeanTex({ ...unitInput, scale: outcomeScale, scaleTex: SCALE_TEX[compensation] })}
          display
          label="mean-unit-biased"
        />
      ) : null}
    </>
  );
}

interface DownstreamFigureProps {
  readonly x: readonly number[];
  readonly w: readonly number[];
  readonly numbers: MeanFigureNumbers;
  readonly highlight: string | null;
  readonly onHighlight: (term: string | null) => void;
}

/** The law of z = w·y with w·x and E[z] marked, and its key numbers. */
function DownstreamFigure({ x, w, numbers, highlight, onHighlight }: DownstreamFigureProps) {
  const bins = useMemo(() => downstreamHistogram(numbers.law, numbers, DOWNSTREAM_BINS), [numbers]);
  const sd = Math.sqrt(Math.max(0, numbers.varZ));
  const how = meanProvenance(numbers);
  const markers: DownstreamMarker[] = [
    { id: DOWNSTREAM_TERMS.undropped, label: `w·x = ${formatAdaptive(numbers.undropped)}`, value: numbers.undropped, dash: 'solid', tone: 'norm' },
    { id: DOWNSTREAM_TERMS.mean, label: `E[z] = ${formatAdaptive(numbers.meanZ)}`, value: numbers.meanZ, dash: 'dashed', tone: 'mean' },
  ];
  const rows: readonly (readonly [string, string, string])[] = [
    ['w·x (no dropout)', formatAdaptive(numbers.undropped), 'closed form'],
    ['E[z]', formatWithError(numbers.meanZ, numbers.meanZError), how],
    ['Var z', formatWithError(numbers.varZ, numbers.varZError), how],
    ['sd z', formatAdaptive(sd), how],
    ['bias E[z] − w·x', formatWithError(numbers.meanZ - numbers.undropped, numbers.meanZError), how],
  ];
  const n = x.length;
  const figure = useRef<HTMLElement>(null);
  return (
    <>
      <figure className="mean-figure" ref={figure}>
        <p className="mean-method">
          {bins.approximate
            ? `Normal approximation, not the exact law: n = ${n} is above the ${MAX_ENUMERATED_MEAN_UNITS} units whose masks this figure enumerates. The bars are the bin masses of N(E[z], Var z) with E[z] and Var z as in the table (${how}); the bins cover E[z] ± 4 sd.`
            : `Exact law: ${numbers.masks.toLocaleString('en-US')} masks enumerated, each weighted by its probability, in ${DOWNSTREAM_BINS} bins.`}
        </p>
        <DownstreamHistogram
          edges={bins.edges}
          probabilities={bins.probabilities}
          markers={markers}
          spread={
            sd > 0
              ? { id: DOWNSTREAM_TERMS.sd, low: numbers.meanZ - sd, high: numbers.meanZ + sd, label: `±1 sd = ${formatAdaptive(sd)}` }
              : null
          }
          approximate={bins.approximate}
          title={`${bins.approximate ? 'Normal approximation of the distribution' : 'Exact distribution'} of the downstream unit z = w·y`}
          description={describeDownstream(numbers, bins)}
          xLabel="z = w·y"
          highlight={highlight}
          onHighlight={onHighlight}
        />
      </figure>
      <FigureExport target={figure} fileName="mean-downstream" label="histogram of z = w·y" />
      <table className="mean-numbers">
        <caption>Downstream unit z = w·y</caption>
        <thead>
          <tr>
            <th scope="col">quantity</th>
            <th scope="col">value</th>
            <th scope="col">how it was obtained</th>
          </tr>
        </thead>
        <tbody>
          {rows.map(([name, value, method]) => (
            <tr key={name}>
              <th scope="row">{name}</th>
              <td>{value}</td>
              <td className="provenance">{method}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <FigureData
        title={`Downstream weights w and activations x${n > MAX_WEIGHT_ROWS ? ` (first ${MAX_WEIGHT_ROWS} of ${n} units)` : ''}`}
        columns={['unit i', 'x_i', 'w_i', 'w_i·x_i']}
        rows={weightRows(x, w, MAX_WEIGHT_ROWS)}
      />
      <FigureData
        title={`Histogram of z (${bins.approximate ? 'normal approximation' : 'exact'})`}
        columns={['z from', 'to', 'probability']}
        rows={downstreamRows(bins)}
      />
    </>
  );
}
