import { useId, useRef, useState } from 'react';
import { SECTIONS } from '../explain/sections.ts';
import { baseState, SECTION_IDS, type SectionId } from '../state/explorerState.ts';
import { formatUrl } from '../url/urlCodec.ts';
import { useExplorer } from './explorerContext.ts';
import { embedSnippet } from './embedSnippet.ts';

type EmbedChoice = SectionId | 'all';

const titleOf = (choice: EmbedChoice) =>
  choice === 'all' ? 'all sections' : (SECTIONS.find((s) => s.id === choice)?.title ?? choice);

/** Copies text with the Clipboard API, or by selecting the textarea and the old copy command. */
async function copyText(text: string, area: HTMLTextAreaElement | null): Promise<boolean> {
  try {
    if (navigator.clipboard !== undefined) {
      await navigator.clipboard.writeText(text);
      return true;
    }
  } catch {
    // Not allowed (e.g. inside an iframe without permission): fall back to selecting the text.
  }
  if (area === null) return false;
  area.focus();
  area.select();
  try {
    return document.execCommand('copy');
  } catch {
    return false;
  }
}

/** The HTML to embed one section (or all) in course notes, in the current state, with a copy button. */
export function EmbedPanel() {
  const id = useId();
  const [choice, setChoice] = useState<EmbedChoice>('question');
  const search = useExplorer((s) => formatUrl(baseState({ ...baseState(s), embed: choice, section: null })));
  const page = `${window.location.origin}${window.location.pathname}`;
  const snippet = embedSnippet({ page, search, embed: choice, title: `Dropout Scaling Explorer: ${titleOf(choice)}` });
  const area = useRef<HTMLTextAreaElement>(null);
  // The status speaks of the snippet it copied; a new snippet (other state or section) clears it.
  const [copied, setCopied] = useState<{ readonly snippet: string; readonly status: string } | null>(null);
  const status = copied !== null && copied.snippet === snippet ? copied.status : '';
  const copy = async () => {
    const ok = await copyText(snippet, area.current);
    setCopied({ snippet, status: ok ? 'Copied' : 'Could not copy: select the text and copy it by hand.' });
  };
  return (
    <fieldset className="controls embed-panel">
      <legend>Embed</legend>
      <p className="embed-help">Paste this into course notes to show a section with the current numbers.</p>
      <div className="form-grid">
        <label htmlFor={`${id}-section`}>Section to embed</label>
        <select id={`${id}-section`} value={choice} onChange={(e) => setChoice(e.currentTarget.value as EmbedChoice)}>
          {SECTION_IDS.map((s) => (
            <option key={s} value={s}>
              {titleOf(s)}
            </option>
          ))}
          <option value="all">All sections</option>
        </select>
      </div>
      <label htmlFor={`${id}-snippet`}>HTML to paste</label>
      <textarea id={`${id}-snippet`} ref={area} readOnly rows={6} value={snippet} spellCheck={false} />
      <div className="embed-copy">
        <button type="button" onClick={() => void copy()}>
          Copy
        </button>
        <span role="status" aria-live="polite">
          {status}
        </span>
      </div>
    </fieldset>
  );
}
