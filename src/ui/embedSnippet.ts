import type { SectionId } from '../state/explorerState.ts';

export interface EmbedSnippetInput {
  /** The page's own address without query or hash, e.g. "https://example.org/notes/dropout/". */
  readonly page: string;
  /** The query string of the state to show, already with embed=ID set ("?v=1&…&embed=norm"). */
  readonly search: string;
  /** The section embedded, or 'all'. */
  readonly embed: SectionId | 'all';
  /** Words for the iframe's title attribute (what a screen reader announces for the frame). */
  readonly title: string;
  /** Height before the host script has heard from the frame, in CSS pixels. */
  readonly initialHeight?: number;
  /** Ask the frame to post its state to the host page too (`poststate=1`; off by default: only the height). */
  readonly postState?: boolean;
}

/** Escapes text for an HTML attribute value in double quotes. */
export function escapeAttribute(text: string): string {
  return text.replaceAll('&', '&amp;').replaceAll('"', '&quot;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');
}

/** The address of a file next to the page (the page may be "…/dropout/" or "…/dropout/index.html"). */
function sibling(page: string, file: string): string {
  try {
    return new URL(file, page).href;
  } catch {
    return file;
  }
}

/**
 * The HTML a course page pastes to embed the explorer: an iframe showing the chosen section in the
 * given state, and the host script that keeps the iframe as tall as its content. The iframe is
 * marked data-dropout-explorer: embed-host.js resizes only the explorer's frames (those marked, or
 * served from the script's own origin), never another site's iframe on the same page.
 */
export function embedSnippet({ page, search, embed, title, initialHeight = 640, postState = false }: EmbedSnippetInput): string {
  const base = page.split('#')[0]?.split('?')[0] ?? '';
  const query = search.startsWith('?') ? search.slice(1) : search;
  const isKey = (part: string, key: string) => part === key || part.startsWith(`${key}=`);
  const params = query.split('&').filter((part) => part !== '' && !isKey(part, 'embed') && !isKey(part, 'poststate'));
  params.push(`embed=${encodeURIComponent(embed)}`);
  if (postState) params.push('poststate=1');
  const src = `${base}?${params.join('&')}`;
  const height = Number.isFinite(initialHeight) && initialHeight > 0 ? Math.round(initialHeight) : 640;
  return [
    `<iframe src="${escapeAttribute(src)}" title="${escapeAttribute(title)}" width="100%" height="${height}" ` +
      `loading="lazy" style="width: 100%; border: 0;" data-dropout-explorer></iframe>`,
    `<script src="${escapeAttribute(sibling(base, 'embed-host.js'))}" defer></script>`,
  ].join('\n');
}
