import { CONTROL_GROUP_INFO, controlAccess, isRestricted, type ControlGroup } from '../state/classLink.ts';
import { baseState } from '../state/explorerState.ts';
import { formatUrl } from '../url/urlCodec.ts';
import { useExplorer } from './explorerContext.ts';
import { usePrediction } from './predictionContext.ts';
import { targetText } from './predictTargets.ts';

/** "a, b and c" */
function list(items: readonly string[]): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items.at(-1) ?? ''}`;
}

/** Clauses that may hold "and" themselves: "a, b, and c", or "a, and b". */
function clauses(items: readonly string[]): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')}, and ${items.at(-1) ?? ''}`;
}

const names = (groups: readonly ControlGroup[]) => list(groups.map((g) => CONTROL_GROUP_INFO[g].noun));

/**
 * Says what a class link restricts, and (once any prediction is made) offers the same numbers
 * without restrictions: the limits are for focus in class, not a wall.
 */
export function ClassLinkNotice() {
  const locked = useExplorer((s) => s.locked);
  const hidden = useExplorer((s) => s.hidden);
  const predict = useExplorer((s) => s.predict);
  const embedded = useExplorer((s) => s.embed !== null);
  const model = useExplorer((s) => s.model);
  const free = useExplorer((s) => formatUrl({ ...baseState(s), locked: [], hidden: [], predict: null, embed: null }));
  const { pending } = usePrediction();
  const presetsFollow = useExplorer(
    (s) => controlAccess(s, 'presets') !== 'free' && !s.locked.includes('presets') && !s.hidden.includes('presets'),
  );
  if (!isRestricted({ locked, hidden }) && predict === null) return null;
  const parts = [
    ...(locked.length > 0 ? [`fixes ${names(locked)}`] : []),
    ...(hidden.length > 0 ? [`hides ${names(hidden)}`] : []),
    // Presets would overwrite what is fixed: they go without being named in the link.
    ...(presetsFollow ? ['leaves out the presets'] : []),
    ...(predict !== null ? [`asks for your prediction of ${targetText(predict, model).symbol} first`] : []),
  ];
  return (
    <div className="notice class-notice" role="note">
      <p>
        This class link {clauses(parts)}.{' '}
        {pending ? null : (
          <a href={free} {...(embedded ? { target: '_blank', rel: 'noopener' } : {})}>
            Open these numbers without restrictions{embedded ? ' (new tab)' : ''}
          </a>
        )}
      </p>
    </div>
  );
}
