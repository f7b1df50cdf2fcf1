/**
 * `npm run -s train -- --keep 0.5 --scheme match --seed 1 --json`: the training experiment headless,
 * the same code the page's worker runs (src/training/experiment.ts) on the same TensorFlow.js CPU
 * backend. Prints every scheme's curve and the final numbers as JSON (--json) or a table. Bad
 * arguments: one line on stderr and exit code 2.
 */
import '@tensorflow/tfjs-backend-cpu';
import * as tf from '@tensorflow/tfjs-core';
import { runExperiment } from '../src/training/experiment.ts';
import { experimentJson, experimentTable } from '../src/training/experimentReport.ts';
import { parseTrainArgs, TRAIN_USAGE } from '../src/training/trainArgs.ts';

const parsed = parseTrainArgs(process.argv.slice(2));
if (!parsed.ok) {
  process.stderr.write(`train: ${parsed.error}\n`);
  process.exit(2);
}
const command = parsed.command;
if (command.kind === 'help') {
  process.stdout.write(`${TRAIN_USAGE}\n`);
} else {
  await tf.setBackend('cpu');
  const steps = runExperiment(command.settings, () => performance.now());
  let step = steps.next();
  let lastLine = Date.now();
  for (; step.done !== true; step = steps.next()) {
    if (Date.now() - lastLine > 2000) {
      process.stderr.write(`train: ${Math.round(step.value.fraction * 100)}% (${step.value.scheme}, seed ${step.value.seedIndex + 1})\n`);
      lastLine = Date.now();
    }
  }
  process.stdout.write(command.json ? `${JSON.stringify(experimentJson(step.value))}\n` : `${experimentTable(step.value)}\n`);
}
