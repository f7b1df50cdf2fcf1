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

/**
 * Tells the host page (the iframe's parent) the content's height and the current state, each time
 * either changes. The messages carry no secrets (the height and the page's own link), so they go to
 * any origin: the host page may live anywhere. Returns the stop function.
 */
export function startEmbedMessages(
  store: ExplorerStore,
  target: EmbedTarget,
  root: HTMLElement,
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
  const postState = () => {
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
  postState();
  const stopStore = store.subscribe(postState);
  return () => {
    observer?.disconnect();
    stopStore();
  };
}
