import { useEffect, useState } from 'react';
import { formatKeep, formatFixed, methodLabel } from '../explain/formatNumber.ts';
import { maskModel } from '../math/index.ts';
import { selectFirstResult } from '../state/analysisStore.ts';
import { useAnalysis } from './analysisContext.ts';
import { useExplorer } from './explorerContext.ts';

/** Milliseconds of calm before the summary is announced (so dragging does not flood a screen reader). */
export const ANNOUNCE_AFTER_MS = 800;

/**
 * A polite live region that says the key numbers once the reader has stopped moving a control and
 * the engine has finished: visually hidden, read by screen readers.
 */
export function LiveSummary() {
  const result = useAnalysis('main', selectFirstResult);
  const status = useAnalysis('main', (s) => s.status);
  const notation = useExplorer((s) => s.notation);
  const [text, setText] = useState('');
  useEffect(() => {
    if (status !== 'done' || result === null) return;
    const rate =
      notation === 'keep' ? `Keep probability ${formatKeep(result.keep)}` : `Drop rate ${formatKeep(1 - result.keep)}`;
    // ‖y‖ against ‖x‖, or DropConnect's ‖u‖ against ‖Wx‖.
    const { output, reference } = maskModel(result.model);
    const next =
      `${rate}, ${result.n} units: E‖${output}‖ = ${formatFixed(result.meanNorm.value, 3)} against ‖${reference}‖ = ${formatFixed(result.norm, 3)}; ` +
      `√E‖${output}‖² = ${formatFixed(result.rmsNorm.value, 3)} (${methodLabel(result.meanNorm.method)}).`;
    const timer = setTimeout(() => setText(next), ANNOUNCE_AFTER_MS);
    return () => clearTimeout(timer);
  }, [result, status, notation]);
  return (
    <div className="visually-hidden" aria-live="polite" aria-atomic="true" data-testid="live-summary">
      {text}
    </div>
  );
}
