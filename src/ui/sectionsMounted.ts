/**
 * Resolves once the page has mounted every section (`LaterSections`, which mounts the sections
 * after the first screen one per frame). A jump to a section waits for it: until the last one is
 * there the page may end right below the target, so the browser could not bring it to the top.
 */
let markMounted: () => void = () => undefined;
const mounted = new Promise<void>((resolve) => {
  markMounted = resolve;
});

export function whenSectionsMounted(): Promise<void> {
  return mounted;
}

export function sectionsMounted(): void {
  markMounted();
}
