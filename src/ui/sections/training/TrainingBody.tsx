import { useStore } from 'zustand';
import { Tex } from '../../../explain/Tex.tsx';
import { formatFixed } from '../../../explain/formatNumber.ts';
import { LABEL_NOISE, TEST_POINTS, TRAIN_POINTS } from '../../../training/dataSets.ts';
import { useActions, useExplorer } from '../../explorerContext.ts';
import { SectionRef } from '../../SectionRef.tsx';
import { CurveChart, RegionMap } from './TrainingCharts.tsx';
import { TrainingControls } from './TrainingControls.tsx';
import { trainingFigure } from './trainingFigure.ts';
import { startTraining, stopTraining, trainingRunStore } from './trainingRun.ts';
import { DOWNSTREAM_TEX, LI_TEX, SHIFT_TEX } from './trainingTex.ts';
import './training.css';

function timeLeft(fraction: number, elapsedMs: number): string {
  if (fraction <= 0 || elapsedMs < 500) return '';
  const left = (elapsedMs * (1 - fraction)) / fraction;
  return left < 1000 ? ', under a second left' : `, about ${Math.round(left / 1000)} s left`;
}

const percent = (v: number) => `${Math.round(v * 100)} %`;

/**
 * The training section's content, loaded lazily by TrainingSection when the section comes near the
 * viewport: the same small network trained with every scheme, live and seeded.
 */
export function TrainingBody() {
  const settings = useExplorer((s) => s.training);
  const { setTraining } = useActions();
  const run = useStore(trainingRunStore);
  const figure = trainingFigure(settings, run);
  const busy = run.status === 'running' || run.status === 'loading';
  const train = run.result?.train ?? null;
  return (
    <>
      <p>
        The question’s author asks whether rescaling each masked vector to its original length would beat dividing by q;
        a reply says it leaks information about the dropped units and biases the gradients, and suggests simply comparing
        the versions in training. Here is that experiment. One click trains the same network (2 → {settings.width} →{' '}
        {settings.width} → 2, ReLU, dropout after both hidden layers, Adam) on the same {TRAIN_POINTS} noisy points (
        {formatFixed(LABEL_NOISE * 100, 0)} % of their labels flipped, so a network without dropout can memorise noise),
        once per scheme, with the same initial weights, the same mini-batches and the same masks, so the differences come
        from the scheme alone. Test loss and accuracy are measured on {TEST_POINTS} clean points. <SectionRef id="rescaling" />{' '}
        compares the schemes on one vector; this compares what they do to learning.
      </p>
      <TrainingControls settings={settings} onChange={setTraining} />
      <p className="training-note">
        Norm matching takes the all-dropped mask (‖m⊙h‖ = 0) to output 0, as on the rest of the page; “gradient through
        the scale” differentiates ‖h‖/‖m⊙h‖, “stopped gradient” treats it as a constant. c* = ‖h‖/E‖m⊙h‖ is computed
        per sample from the exact quadrature and treated as a constant. The defaults use q = 0.8 rather than the
        question’s ½: at ½ every dropout scheme underfits this small problem in {settings.epochs} epochs.
      </p>
      <div className="training-actions">
        <button type="button" className="action-button" onClick={() => void startTraining(settings)}>
          {busy ? 'Restart training' : 'Train'}
        </button>
        {busy ? (
          <button type="button" className="action-button" onClick={stopTraining}>
            Stop
          </button>
        ) : null}
      </div>
      <div className="progress-line">
        {run.status === 'running' ? (
          <div className="progress" role="group" aria-label="Training progress">
            <progress max={1} value={run.fraction} aria-label="Training">
              {percent(run.fraction)}
            </progress>
            <span>
              {percent(run.fraction)} done{timeLeft(run.fraction, run.elapsedMs)}
            </span>
          </div>
        ) : (
          <p className={run.status === 'error' ? 'form-error' : 'training-status'} role={run.status === 'error' ? 'alert' : undefined} aria-live="polite">
            {figure.status}
          </p>
        )}
      </div>
      {figure.stale ? <p className="training-note">These results are for earlier settings; press Train to run the current ones.</p> : null}
      <p className="training-note">
        Each panel: the loss per epoch (solid line: training data, dashed: test data, both without dropout), the test
        accuracy per epoch and, when the scheme has finished, its decision regions (blue: predicted class 0, orange: class
        1, paler where the network is unsure) with the training points (circles: class 0, crosses: class 1, noisy labels
        included).
      </p>
      <ul className="training-panels" aria-label="One panel per scheme">
        {figure.panels.map((panel) => (
          <li key={panel.scheme} className="training-panel">
            <h3>{panel.label}</h3>
            <p className="training-definition">{panel.definition}</p>
            <CurveChart
              title={`Loss per epoch, ${panel.label} (solid: training, dashed: test)`}
              description={panel.description}
              curve={panel.curve}
              epochs={figure.epochs}
              max={figure.lossMax}
              series={[
                { name: 'training loss', value: (r) => r.trainLoss, dash: '' },
                { name: 'test loss', value: (r) => r.testLoss, dash: '4 3' },
              ]}
              format={(v) => formatFixed(v, 1)}
            />
            <CurveChart
              title={`Test accuracy per epoch, ${panel.label}`}
              description={panel.description}
              curve={panel.curve}
              epochs={figure.epochs}
              min={0.4}
              max={1}
              series={[{ name: 'test accuracy', value: (r) => r.testAccuracy, dash: '' }]}
              format={(v) => `${Math.round(v * 100)}%`}
            />
            {panel.grid !== null && train !== null ? <RegionMap title={`Decision regions, ${panel.label}`} grid={panel.grid} train={train} /> : null}
          </li>
        ))}
      </ul>
      {figure.finalRows === null ? null : (
        <>
          <div className="training-table-wrap">
          <table className="training-table">
            <caption>
              Final numbers after {run.result?.settings.epochs} epochs (measured by training; losses and accuracies at test
              time, without dropout). {figure.seedsNote}
            </caption>
            <thead>
              <tr>
                <th scope="col">scheme</th>
                <th scope="col">test accuracy (%)</th>
                <th scope="col">test loss</th>
                <th scope="col">training loss</th>
                <th scope="col">time per run (s)</th>
              </tr>
            </thead>
            <tbody>
              {figure.finalRows.map((row) => (
                <tr key={row.scheme}>
                  <th scope="row">{row.label}</th>
                  <td>{row.testAccuracy}</td>
                  <td>{row.testLoss}</td>
                  <td>{row.trainLoss}</td>
                  <td>{row.milliseconds}</td>
                </tr>
              ))}
            </tbody>
          </table>
          </div>
          <h3>The train/test mismatch, measured</h3>
          <p>
            After training, each network’s first hidden layer h is measured on the {TEST_POINTS} test points, with
            dropout (20 mask draws per point) and without. The next layer sees z = w·y with y = s·(m⊙h). For a scheme
            with one scale s in training and t·h at test (<SectionRef id="mean" /> derives the first pair for s = 1/q):
          </p>
          <Tex tex={DOWNSTREAM_TEX} display label="training-downstream" />
          <p>
            So a next-layer unit sees on average s·q/t times its test input, exactly 1 for inverted dropout and for the 2014
            paper, √q for ×1/√q; for norm matching and c* it depends on h. The noise that dropout adds also makes z vary
            more in training than at test. A batch normalisation after the layer learns the training variance and then
            divides the test activations by it: Li et al. (CVPR 2019) call the ratio the variance shift. Over the data,
            with V = Var(w·h) over the data and E the data’s mean of Σ wᵢ²hᵢ²:
          </p>
          <Tex tex={SHIFT_TEX} display label="training-shift" />
          <Tex tex={LI_TEX} display label="training-shift-one-unit" />
          <p>
            (c and v: the unit’s mean and variance over the data.) Δ &lt; 1 means batch normalisation would shrink the test
            activations by √Δ.
          </p>
          <div className="training-table-wrap">
          <table className="training-table">
            <caption>
              Per scheme, seed {run.result?.settings.seed}: sampled values ± their standard error over the 20 mask draws;
              closed forms from the same h and w without sampling; — where the scale is per sample and there is no closed
              form.
            </caption>
            <thead>
              <tr>
                <th scope="col">scheme</th>
                <th scope="col">E‖y‖ / ‖y_test‖</th>
                <th scope="col">E[z] / z_test</th>
                <th scope="col">s·q/t</th>
                <th scope="col">Var[z|h] / formula</th>
                <th scope="col">Δ measured</th>
                <th scope="col">Δ closed form</th>
              </tr>
            </thead>
            <tbody>
              {(figure.mismatchRows ?? []).map((row) => (
                <tr key={row.scheme}>
                  <th scope="row">{row.label}</th>
                  <td>{row.normRatio}</td>
                  <td>{row.meanSlope}</td>
                  <td>{row.meanSlopeClosed}</td>
                  <td>{row.conditionalVariance}</td>
                  <td>{row.varianceShift}</td>
                  <td>{row.varianceShiftClosed}</td>
                </tr>
              ))}
            </tbody>
          </table>
          </div>
        </>
      )}
      <p className="training-note">
        How it runs: TensorFlow.js (tfjs-core 4.22 with its CPU backend, float32) in a Web Worker loaded only when you press
        Train. The CPU backend runs plain JavaScript loops in a fixed order and every random number comes from the page’s
        seeded generator, so the same settings give the same curves twice. The command line runs the same code:{' '}
        <code>npm run -s train -- --keep 0.5 --scheme match --seed 1 --json</code>.
      </p>
    </>
  );
}
