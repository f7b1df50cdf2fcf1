import { describe, expect, it } from 'vitest';
import hostScript from '../../public/embed-host.js?raw';

interface FakeFrame {
  readonly src: string;
  readonly contentWindow: object;
  readonly style: { height?: string };
  readonly marked: boolean;
  hasAttribute(name: string): boolean;
}

const frame = (src: string, marked = false): FakeFrame => ({
  src,
  contentWindow: {},
  style: {},
  marked,
  hasAttribute: (name) => marked && name === 'data-dropout-explorer',
});

/** Runs public/embed-host.js against a fake host page whose script came from `scriptSrc`. */
function hostPage(scriptSrc: string, frames: readonly FakeFrame[]) {
  let listener: ((event: { data: unknown; source: unknown; origin: string }) => void) | null = null;
  const window = {
    location: { href: 'https://notes.example/course/week3.html', origin: 'https://notes.example' },
    addEventListener: (type: string, callback: typeof listener) => {
      if (type === 'message') listener = callback;
    },
  };
  const document = { currentScript: { src: scriptSrc }, getElementsByTagName: () => frames };
  // The host script is plain ES5 for any page; run it with this page's window and document.
  new Function('window', 'document', 'URL', hostScript)(window, document, URL);
  const post = (from: FakeFrame, origin: string, height: number) =>
    listener?.({ data: { type: 'dropout-explorer:height', height, embed: 'norm' }, source: from.contentWindow, origin });
  return { post };
}

describe('public/embed-host.js', () => {
  it('resizes only the explorer’s own frames, on messages from their own origin', () => {
    const ours = frame('https://explorer.example/dropout/?v=1&embed=norm');
    const marked = frame('https://mirror.example/dropout/?embed=mean', true);
    const other = frame('https://ads.example/banner.html');
    const { post } = hostPage('https://explorer.example/dropout/embed-host.js', [ours, marked, other]);
    post(ours, 'https://explorer.example', 812.4);
    post(marked, 'https://mirror.example', 700);
    post(other, 'https://ads.example', 99_999);
    expect(ours.style.height).toBe('813px');
    expect(marked.style.height).toBe('700px');
    expect(other.style.height).toBeUndefined();
  });

  it('ignores a message whose origin is not its frame’s (a frame that navigated away), and nonsense heights', () => {
    const ours = frame('https://explorer.example/dropout/?embed=norm');
    const { post } = hostPage('https://explorer.example/dropout/embed-host.js', [ours]);
    post(ours, 'https://ads.example', 900);
    expect(ours.style.height).toBeUndefined();
    post(ours, 'https://explorer.example', 100_000);
    post(ours, 'https://explorer.example', -5);
    expect(ours.style.height).toBeUndefined();
  });
});
