import { describe, expect, it } from 'vitest';
import { SEED_STATE, type ExplorerState } from '../state/explorerState.ts';
import { parseUrl } from '../url/urlCodec.ts';
import { classLinks, OPEN_DRAFT, type ClassLinkDraft } from './classLinkBuilder.ts';

const page = 'https://notes.example.org/ml/dropout/index.html?old=1#top';
const state: ExplorerState = { ...SEED_STATE, keep: 0.25, preset: null, section: 'masks', showData: true, theme: 'dark' };
const draft: ClassLinkDraft = {
  section: 'norm',
  access: { ...OPEN_DRAFT.access, keep: 'locked', method: 'hidden', vector: 'locked' },
  predict: 'mean',
};

describe('classLinks', () => {
  it('gives a link that opens the current state at the chosen section, with the restrictions and the prediction', () => {
    const { link } = classLinks(state, draft, page);
    const url = new URL(link);
    expect(url.origin + url.pathname).toBe('https://notes.example.org/ml/dropout/index.html');
    expect(url.hash).toBe('#norm');
    const opened = parseUrl(url.search);
    expect(opened.repairs).toEqual([]);
    // Everything but the instructor's theme: students keep their own.
    expect(opened.state).toEqual({ ...state, theme: 'system', section: 'norm', locked: ['vector', 'keep'], hidden: ['method'], predict: 'mean' });
  });

  it('gives an embed snippet whose frame opens the chosen section embedded, with the same restrictions', () => {
    const { snippet } = classLinks(state, draft, page);
    const src = /<iframe src="([^"]+)"/.exec(snippet)?.[1]?.replaceAll('&amp;', '&') ?? '';
    const opened = parseUrl(new URL(src).search);
    expect(opened.repairs).toEqual([]);
    expect(opened.state).toEqual({ ...state, theme: 'system', section: null, embed: 'norm', locked: ['vector', 'keep'], hidden: ['method'], predict: 'mean' });
    expect(snippet).toContain('title="Dropout Scaling Explorer: What it does not preserve: the norm"');
  });

  it('opens the whole page without a section for “all sections”, and writes nothing extra for an open draft', () => {
    const { link } = classLinks(SEED_STATE, { ...OPEN_DRAFT, section: 'all' }, page);
    expect(link).toBe('https://notes.example.org/ml/dropout/index.html?v=1&x=0.1,0.1,0.2,5&keep=0.5&mask=0011&preset=question');
  });
});
