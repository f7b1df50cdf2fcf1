import { THEMES, type Theme } from '../state/explorerState.ts';
import { useActions, useExplorer } from './explorerContext.ts';

const THEME_LABELS: Record<Theme, string> = { system: 'as the system', light: 'light', dark: 'dark' };

/** Page-wide display choices that are part of the link. */
export function DisplayOptions() {
  const showData = useExplorer((s) => s.showData);
  const theme = useExplorer((s) => s.theme);
  const { setShowData, setTheme } = useActions();
  return (
    <fieldset className="controls">
      <legend>Display</legend>
      <label>
        <input type="checkbox" checked={showData} onChange={(e) => setShowData(e.currentTarget.checked)} /> Show every
        figure’s data table
      </label>
      <fieldset className="inline-choice">
        <legend>Colours</legend>
        {THEMES.map((t) => (
          <label key={t}>
            <input type="radio" name="theme" checked={theme === t} onChange={() => setTheme(t)} /> {THEME_LABELS[t]}
          </label>
        ))}
      </fieldset>
    </fieldset>
  );
}
