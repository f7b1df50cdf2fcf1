import { baseState, type SectionId } from '../state/explorerState.ts';
import type { ExplorerStore } from '../state/explorerStore.ts';
import { formatUrl } from '../url/urlCodec.ts';

/** Sent to the host page whenever the embedded content's height changes (whole CSS pixels, rounded up). */
export interface EmbedHeightMessage {
  readonly type: 'dropout-explorer:height';
  readonly height: number;
  readonly embed: SectionId | 'all';
}

/** Sent to the host page whenever the reader changes the state: the query string that reopens it. */
export interface EmbedStateMessage {
  readonly type: 'dropout-explorer:state';
  readonly search: string;
  readonly embed: SectionId | 'all';
}

export type EmbedMessage = EmbedHeightMessage | EmbedStateMessage;

/** Where the messages go: the iframe's parent window (a fake in tests). */
export interface EmbedTarget {
  postMessage(message: EmbedMessage, targetOrigin: string): void;
}

export interface EmbedMessageOptions {
  /** Post the state too: only when the host asked for it with `poststate=1` in the iframe's src. */
  readonly postState?: boolean;
}

/**
 * Tells the host page (the iframe's parent) the content's height each time it changes, and, only
 * when the host asked for it (`poststate=1`), the current state. The height is no secret, so it
 * goes to any origin: the host page may live anywhere. The state's query string holds the reader's
 * own vector, so a page that merely frames the explorer does not get it. Returns the stop function.
 */
export function startEmbedMessages(
  store: ExplorerStore,
  target: EmbedTarget,
  root: HTMLElement,
  { postState = false }: EmbedMessageOptions = {},
): () => void {
  const embedOf = () => store.getState().embed;
  let lastHeight = -1;
  const postHeight = () => {
    const embed = embedOf();
    if (embed === null) return;
    const measured = root.getBoundingClientRect().height;
    if (!Number.isFinite(measured) || measured < 0) return;
    const height = Math.ceil(measured);
    if (height === lastHeight) return;
    lastHeight = height;
    const message: EmbedHeightMessage = { type: 'dropout-explorer:height', height, embed };
    target.postMessage(message, '*');
  };
  let lastSearch = '';
  const sendState = () => {
    const state = store.getState();
    if (state.embed === null) return;
    const search = formatUrl(baseState(state));
    if (search === lastSearch) return;
    lastSearch = search;
    const message: EmbedStateMessage = { type: 'dropout-explorer:state', search, embed: state.embed };
    target.postMessage(message, '*');
  };
  const observer = typeof ResizeObserver === 'function' ? new ResizeObserver(postHeight) : null;
  observer?.observe(root);
  postHeight();
  if (!postState) return () => observer?.disconnect();
  sendState();
  const stopStore = store.subscribe(sendState);
  return () => {
    observer?.disconnect();
    stopStore();
  };
}
