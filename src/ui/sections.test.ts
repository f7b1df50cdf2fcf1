import { describe, expect, it } from 'vitest';
import { SECTIONS } from '../explain/sections.ts';
import { SECTION_IDS } from '../state/explorerState.ts';

describe('SECTIONS', () => {
  it('lists exactly the state’s section ids, in page order', () => {
    expect(SECTIONS.map((s) => s.id)).toEqual([...SECTION_IDS]);
  });
});
