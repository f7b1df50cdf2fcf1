import { CONTROL_GROUP_INFO, isRestricted, type ControlGroup } from '../state/classLink.ts';
import { baseState } from '../state/explorerState.ts';
import { formatUrl } from '../url/urlCodec.ts';
import { useExplorer } from './explorerContext.ts';
import { usePrediction } from './predictionContext.ts';
import { PREDICT_TARGET_INFO } from './predictTargets.ts';

/** "a, b and c" */
function list(items: readonly string[]): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items.at(-1) ?? ''}`;
}

const names = (groups: readonly ControlGroup[]) => list(groups.map((g) => CONTROL_GROUP_INFO[g].label.toLowerCase()));

/**
 * Says what a class link restricts, and (once any prediction is made) offers the same numbers
 * without restrictions: the limits are for focus in class, not a wall.
 */
export function ClassLinkNotice() {
  const locked = useExplorer((s) => s.locked);
  const hidden = useExplorer((s) => s.hidden);
  const predict = useExplorer((s) => s.predict);
  const embedded = useExplorer((s) => s.embed !== null);
  const free = useExplorer((s) => formatUrl({ ...baseState(s), locked: [], hidden: [], predict: null, embed: null }));
  const { pending } = usePrediction();
  if (!isRestricted({ locked, hidden }) && predict === null) return null;
  const parts = [
    ...(locked.length > 0 ? [`fixes ${names(locked)}`] : []),
    ...(hidden.length > 0 ? [`hides ${names(hidden)}`] : []),
    ...(predict !== null ? [`asks for your prediction of ${PREDICT_TARGET_INFO[predict].symbol} first`] : []),
  ];
  return (
    <div className="class-notice" role="note">
      <p>
        This class link {list(parts)}.{' '}
        {pending ? null : (
          <a href={free} {...(embedded ? { target: '_blank', rel: 'noopener' } : {})}>
            Open these numbers without restrictions{embedded ? ' (new tab)' : ''}
          </a>
        )}
      </p>
    </div>
  );
}
