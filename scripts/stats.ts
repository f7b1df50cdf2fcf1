/**
 * `npm run -s stats -- …`: the engine headless. Parses the arguments (src/cli/statsArgs.ts), runs
 * analyze, prints JSON (--json) or a table (src/cli/statsReport.ts). Bad arguments: one line on
 * stderr and exit code 2.
 */
import { parseStatsArgs, USAGE } from '../src/cli/statsArgs.ts';
import { statsJson, statsTable } from '../src/cli/statsReport.ts';
import { progressDue, progressLine } from '../src/cli/statsProgress.ts';
import { analysisSteps } from '../src/math/analyze.ts';

const parsed = parseStatsArgs(process.argv.slice(2));
if (!parsed.ok) {
  process.stderr.write(`stats: ${parsed.error}\n`);
  process.exit(2);
}
const command = parsed.command;
if (command.kind === 'help') {
  process.stdout.write(`${USAGE}\n`);
} else {
  // The analysis in its steps, with a progress line on stderr for long runs (stdout stays the result).
  const steps = analysisSteps(command.request);
  const start = Date.now();
  let last: number | null = null;
  let step = steps.next();
  for (; step.done !== true; step = steps.next()) {
    const now = Date.now();
    if (progressDue(now, start, last)) {
      process.stderr.write(`${progressLine(step.value.fraction, now - start)}\n`);
      last = now;
    }
  }
  const result = step.value;
  process.stdout.write(command.json ? `${JSON.stringify(statsJson(result))}\n` : `${statsTable(result, command.vectorText)}\n`);
}
