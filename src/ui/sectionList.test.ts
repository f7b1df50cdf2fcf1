import { describe, expect, it } from 'vitest';
import { SECTION_IDS } from '../state/explorerState.ts';
import { SECTION_COMPONENTS } from './sectionRegistry.ts';
import { SECTIONS, sectionInfo } from './sectionList.ts';

describe('SECTIONS', () => {
  it('lists every section id once, in the state’s page order, numbered from 1', () => {
    expect(SECTIONS.map((s) => s.id)).toEqual([...SECTION_IDS]);
    expect(new Set(SECTIONS.map((s) => s.id)).size).toBe(SECTIONS.length);
    expect(SECTIONS.map((s) => s.number)).toEqual(SECTION_IDS.map((_, i) => i + 1));
    for (const s of SECTIONS) expect(s.title.length).toBeGreaterThan(0);
  });

  it('has one component per section, in the same order', () => {
    expect(SECTION_COMPONENTS.map((c) => c.id)).toEqual([...SECTION_IDS]);
  });

  it('sectionInfo(id) resolves every id and refuses an unknown one', () => {
    for (const id of SECTION_IDS) expect(sectionInfo(id).id).toBe(id);
    expect(() => sectionInfo('nope' as never)).toThrow('unknown section nope');
  });
});
