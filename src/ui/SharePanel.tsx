import { useId, useRef, useState } from 'react';
import {
  CONTROL_GROUP_INFO,
  CONTROL_GROUPS,
  controlAccess,
  PREDICT_TARGETS,
  type ControlAccess,
  type ControlGroup,
  type PredictTarget,
} from '../state/classLink.ts';
import { SECTION_IDS } from '../state/explorerState.ts';
import { selectEffectiveKeep, selectKept, selectVector } from '../state/selectors.ts';
import { classLinks, draftRestrictions, OPEN_DRAFT, sectionTitle, type ClassLinkDraft, type SectionChoice } from './classLinkBuilder.ts';
import { useExplorer } from './explorerContext.ts';
import { PREDICT_TARGET_INFO, setupSentence } from './predictTargets.ts';
import { usePageAddress } from './pageAddress.ts';

/** Copies text with the Clipboard API, or by selecting the field and the old copy command. */
async function copyText(text: string, field: HTMLTextAreaElement | HTMLInputElement | null): Promise<boolean> {
  try {
    if (navigator.clipboard !== undefined) {
      await navigator.clipboard.writeText(text);
      return true;
    }
  } catch {
    // Not allowed (e.g. inside an iframe without permission): fall back to selecting the text.
  }
  if (field === null) return false;
  field.focus();
  field.select();
  try {
    return document.execCommand('copy');
  } catch {
    return false;
  }
}

const ACCESS_LABELS: Record<ControlAccess, string> = { free: 'free', locked: 'locked', hidden: 'hidden' };

/** A text to copy, read-only, with its own copy button and status. */
function CopyField({ label, what, text, rows }: { readonly label: string; readonly what: string; readonly text: string; readonly rows: number }) {
  const id = useId();
  const field = useRef<HTMLTextAreaElement>(null);
  // The status speaks of the text it copied; a new text (other state or choices) clears it.
  const [copied, setCopied] = useState<{ readonly text: string; readonly status: string } | null>(null);
  const status = copied !== null && copied.text === text ? copied.status : '';
  const copy = async () => {
    const ok = await copyText(text, field.current);
    setCopied({ text, status: ok ? 'Copied' : 'Could not copy: select the text and copy it by hand.' });
  };
  return (
    <div className="copy-field">
      <label htmlFor={id}>
        {label}
      </label>
      <textarea id={id} ref={field} readOnly rows={rows} value={text} spellCheck={false} />
      <div className="embed-copy">
        <button type="button" onClick={() => void copy()}>
          Copy the {what}
        </button>
        <span role="status" aria-live="polite">
          {status}
        </span>
      </div>
    </div>
  );
}

/**
 * Share the current state as a link or as HTML for course notes, and build a class link: the section
 * to open, controls locked or hidden, and a number to predict before the page shows it.
 */
export function SharePanel() {
  const id = useId();
  const [draft, setDraft] = useState<ClassLinkDraft>(OPEN_DRAFT);
  const state = useExplorer((s) => s);
  const setup = {
    x: useExplorer(selectVector),
    keep: useExplorer(selectEffectiveKeep),
    kept: useExplorer(selectKept),
    model: state.model,
    compensation: state.compensation,
    notation: state.notation,
  };
  const page = usePageAddress();
  const { link, snippet } = classLinks(state, draft, page);
  const restrictions = draftRestrictions(draft);
  const setAccess = (group: ControlGroup, access: ControlAccess) =>
    setDraft((d) => ({ ...d, access: { ...d.access, [group]: access } }));
  const presetsFollow = draft.access.presets === 'free' && controlAccess(restrictions, 'presets') !== 'free';
  return (
    <fieldset className="controls embed-panel">
      <legend>Share or embed</legend>
      <p className="embed-help">
        A link or HTML for course notes that opens the page as it is now. For a class, lock or hide controls and ask for a
        prediction first.
      </p>
      <div className="form-grid">
        <label htmlFor={`${id}-section`}>Section</label>
        <select id={`${id}-section`} value={draft.section} onChange={(e) => setDraft({ ...draft, section: e.currentTarget.value as SectionChoice })}>
          {SECTION_IDS.map((s) => (
            <option key={s} value={s}>
              {sectionTitle(s)}
            </option>
          ))}
          <option value="all">All sections</option>
        </select>
      </div>
      <details className="class-options">
        <summary>For a class: lock, hide, predict</summary>
        <p className="embed-help" data-testid="class-start">
          Students start from the page as it is now: {setupSentence(setup)} Set it with the controls above.
        </p>
        <fieldset className="class-access">
          <legend>What students may change</legend>
          <p className="class-access-holds">Locked controls are shown but cannot be moved; hidden ones are left out.</p>
          <div className="form-grid">
            {CONTROL_GROUPS.map((group) => (
              <div key={group} className="class-access-row">
                <label htmlFor={`${id}-${group}`} title={CONTROL_GROUP_INFO[group].holds}>
                  {CONTROL_GROUP_INFO[group].label}
                </label>
                <select
                  id={`${id}-${group}`}
                  value={draft.access[group]}
                  aria-describedby={`${id}-${group}-holds`}
                  onChange={(e) => setAccess(group, e.currentTarget.value as ControlAccess)}
                >
                  {(['free', 'locked', 'hidden'] as const).map((a) => (
                    <option key={a} value={a}>
                      {ACCESS_LABELS[a]}
                    </option>
                  ))}
                </select>
                <span id={`${id}-${group}-holds`} className="class-access-holds">
                  {CONTROL_GROUP_INFO[group].holds}
                  {group === 'presets' && presetsFollow ? '; locked anyway while anything a preset sets is locked or hidden' : ''}
                </span>
              </div>
            ))}
          </div>
        </fieldset>
        <div className="form-grid">
          <label htmlFor={`${id}-predict`}>Predict, then reveal</label>
          <select
            id={`${id}-predict`}
            value={draft.predict ?? ''}
            onChange={(e) => setDraft({ ...draft, predict: e.currentTarget.value === '' ? null : (e.currentTarget.value as PredictTarget) })}
          >
            <option value="">off</option>
            {PREDICT_TARGETS.map((t) => (
              <option key={t} value={t}>
                {PREDICT_TARGET_INFO[t].option}
              </option>
            ))}
          </select>
        </div>
        {draft.predict !== null ? (
          <p className="embed-help">Students see the question and a box for their guess; the figures and numbers appear after they commit it.</p>
        ) : null}
        <a href={link} target="_blank" rel="noopener">
          Try the link as a student (new tab)
        </a>
      </details>
      <CopyField label="Link" what="link" text={link} rows={3} />
      <CopyField label="HTML to paste" what="HTML" text={snippet} rows={6} />
    </fieldset>
  );
}
