import { formatFixed } from '../explain/formatNumber.ts';
import { selectTimeLeftMs } from '../state/analysisStore.ts';
import { useAnalysis, type AnalysisStores } from './analysisContext.ts';

/** Milliseconds as a short duration in words. */
function duration(ms: number): string {
  if (ms < 1000) return 'under a second';
  if (ms < 60_000) return `about ${Math.round(ms / 1000)} s`;
  return `about ${formatFixed(ms / 60_000, 1)} min`;
}

/** A determinate progress bar with the time left, shown while the engine works (after ~100 ms). */
export function ProgressLine({ channel }: { readonly channel: keyof AnalysisStores }) {
  const status = useAnalysis(channel, (s) => s.status);
  const fraction = useAnalysis(channel, (s) => s.fraction);
  const elapsed = useAnalysis(channel, (s) => s.elapsedMs);
  const left = useAnalysis(channel, selectTimeLeftMs);
  const error = useAnalysis(channel, (s) => s.error);
  const engineNote = useAnalysis(channel, (s) => s.engineNote);
  return (
    <div className="progress-line">
      {engineNote !== null ? <p className="engine-note">{engineNote}</p> : null}
      {status === 'error' ? (
        <p className="form-error" role="alert">
          The engine could not compute this state: {error}
        </p>
      ) : null}
      {status === 'running' && elapsed >= 100 ? (
        <div className="progress" role="group" aria-label="Computation progress">
          <progress max={1} value={fraction} aria-label="Computing">
            {Math.round(fraction * 100)}%
          </progress>
          <span>
            {Math.round(fraction * 100)}% done{left !== null ? `, ${duration(left)} left` : ''}
          </span>
        </div>
      ) : null}
    </div>
  );
}
