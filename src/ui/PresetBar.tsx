import { PRESETS } from '../state/presets.ts';
import { selectFirstResult } from '../state/analysisStore.ts';
import { useAnalysis } from './analysisContext.ts';
import { useExplorer } from './explorerContext.ts';
import { presetKeyNumber } from './presetKeyNumber.ts';

/** One click to each starting point; the active one's caption says what it shows. */
export function PresetBar() {
  const active = useExplorer((s) => s.preset);
  const applyPreset = useExplorer((s) => s.applyPreset);
  const preset = PRESETS.find((p) => p.id === active);
  const result = useAnalysis('main', selectFirstResult);
  const status = useAnalysis('main', (s) => s.status);
  const keyNumber = preset !== undefined && result !== null && status === 'done' ? presetKeyNumber(preset.id, result) : null;
  return (
    <nav className="presets" aria-label="Presets">
      <ul>
        {PRESETS.map((p) => (
          <li key={p.id}>
            <button type="button" aria-pressed={p.id === active} onClick={() => applyPreset(p.id)}>
              {p.title}
            </button>
          </li>
        ))}
      </ul>
      <p className="preset-caption" aria-live="polite">
        {preset === undefined ? 'Your own state: pick a preset to start from a known example.' : preset.caption}
      </p>
      {/* Kept in place while the number is computed, so the page below does not move when it arrives. */}
      {preset !== undefined ? (
        <p className="preset-number" data-testid="preset-number">
          {keyNumber ?? <span className="pending">Computing its key number…</span>}
        </p>
      ) : null}
    </nav>
  );
}
