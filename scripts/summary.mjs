// Sums the unit and end-to-end runners' reports into lines of the form 'N passed, N failed'.
import { existsSync, readFileSync } from 'node:fs';

function read(path) {
  return existsSync(path) ? JSON.parse(readFileSync(path, 'utf8')) : null;
}
const rows = [];
const vitest = read('reports/vitest.json');
if (vitest) {
  rows.push(['vitest', vitest.numPassedTests, vitest.numFailedTests, vitest.numPendingTests + vitest.numTodoTests]);
}
const e2e = read('reports/e2e.json');
if (e2e) {
  const s = e2e.stats;
  rows.push(['playwright', s.expected + s.flaky, s.unexpected, s.skipped]);
}
const total = rows.reduce((t, r) => [t[0] + r[1], t[1] + r[2], t[2] + r[3]], [0, 0, 0]);
for (const [name, p, f, s] of rows) console.log(`${name}: ${p} passed, ${f} failed, ${s} skipped`);
console.log(`total: ${total[0]} passed, ${total[1]} failed, ${total[2]} skipped`);
