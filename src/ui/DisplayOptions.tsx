import { useActions, useExplorer } from './explorerContext.ts';

/** Page-wide display choices that are part of the link. */
export function DisplayOptions() {
  const showData = useExplorer((s) => s.showData);
  const { setShowData } = useActions();
  return (
    <fieldset className="controls">
      <legend>Display</legend>
      <label>
        <input type="checkbox" checked={showData} onChange={(e) => setShowData(e.currentTarget.checked)} /> Show every
        figure’s data table
      </label>
    </fieldset>
  );
}
