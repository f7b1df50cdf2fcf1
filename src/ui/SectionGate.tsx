/**
 * Keeps a part of the page that is far from the viewport from re-rendering on every input
 * (docs/architecture.md#rendering-budget). Near the viewport (within one screen height) a gate passes the live stores
 * through, so the section follows every slider step; further away it hands its subtree a frozen
 * snapshot of them, so a drag re-renders only what the reader can see. A frozen part catches up
 * once the reader pauses (a transition, which React interrupts for the next input), and at once
 * when it comes near or the page is printed. Display only: nothing here changes the state. It also
 * tells its subtree whether it is near (NearContext), so deferred channels are computed for it.
 */
import { startTransition, useContext, useEffect, useRef, useState, type ReactNode } from 'react';
import type { StoreApi } from 'zustand';
import { CHANNEL_IDS } from '../state/channels.ts';
import type { ExplorerStore } from '../state/explorerStore.ts';
import { AnalysisContext, type AnalysisStores } from './analysisContext.ts';
import { NearContext } from './channelDemand.ts';
import { ExplorerContext } from './explorerContext.ts';

/** Quiet time after the last change before a frozen part catches up. */
const CATCH_UP_MS = 250;
/** While the engine's reports keep coming (a long job's progress), a frozen part still catches up this often after the last input. */
const CATCH_UP_MAX_WAIT_MS = 1000;
/** Extra delay per gate down the page, so the parts catch up one commit at a time. */
const CATCH_UP_STAGGER_MS = 40;
/**
 * When a channel's final answer arrives and the reader has not moved anything for CATCH_UP_MS, there
 * is nothing left to wait for: the parts catch up on a short chain, about one gate a frame, instead
 * of CATCH_UP_MS + CATCH_UP_STAGGER_MS·order (at n = 40 a press's last section caught up about
 * 650 ms after the numbers were there).
 */
const FINAL_STAGGER_MS = 16;

/** A store that always returns one state and never notifies: what a frozen subtree reads. */
function frozenStore<T>(state: T): StoreApi<T> {
  return {
    getState: () => state,
    getInitialState: () => state,
    // The verbs in the snapshot act on the live store; nothing may write to the frozen one.
    setState: () => {
      throw new Error('a frozen snapshot of the store cannot be written');
    },
    subscribe: () => () => undefined,
  };
}

interface Snapshot {
  readonly explorer: ExplorerStore;
  readonly analysis: AnalysisStores;
}

function snapshotOf(live: Snapshot): Snapshot {
  return {
    explorer: frozenStore(live.explorer.getState()),
    analysis: Object.fromEntries(CHANNEL_IDS.map((id) => [id, frozenStore(live.analysis[id].getState())])) as unknown as AnalysisStores,
  };
}

/** Whether the page is being printed (every gate opens so the handout shows the current state). */
function usePrinting(): boolean {
  const [printing, setPrinting] = useState(false);
  useEffect(() => {
    const on = () => setPrinting(true);
    const off = () => setPrinting(false);
    window.addEventListener('beforeprint', on);
    window.addEventListener('afterprint', off);
    return () => {
      window.removeEventListener('beforeprint', on);
      window.removeEventListener('afterprint', off);
    };
  }, []);
  return printing;
}

interface SectionGateProps {
  /** Position on the page (0 = top): later gates catch up a little later. */
  readonly order: number;
  readonly children: ReactNode;
}

export function SectionGate({ order, children }: SectionGateProps) {
  const explorer = useContext(ExplorerContext);
  const analysis = useContext(AnalysisContext);
  if (explorer === null || analysis === null) throw new Error('SectionGate needs the page’s stores');
  const ref = useRef<HTMLDivElement>(null);
  // Near until the observer says otherwise (null: not observed yet): the first render is always live.
  const [near, setNear] = useState<boolean | null>(null);
  const [frozen, setFrozen] = useState<Snapshot | null>(null);
  const printing = usePrinting();
  const unobservable = printing || typeof IntersectionObserver === 'undefined';
  const open = near !== false || unobservable;
  // What the subtree asks the engine for (deferred channels) waits for a known position: assumed
  // near at mount, a section far below demanded its channel, which then ran beside the main
  // figure's computation on the same worker (at n = 40, four more splits beside the main one).
  const demandsNear = near === true || unobservable;

  useEffect(() => {
    const element = ref.current;
    if (element === null || typeof IntersectionObserver === 'undefined') return;
    // One screen height above and below: a part is live before it scrolls into view. Leaving that
    // band, it keeps what it shows now (a snapshot of the stores).
    const observer = new IntersectionObserver(
      (entries) => {
        const isNear = entries.at(-1)?.isIntersecting ?? true;
        setNear(isNear);
        setFrozen(isNear ? null : snapshotOf({ explorer, analysis }));
      },
      { rootMargin: '100% 0px 100% 0px' },
    );
    observer.observe(element);
    return () => observer.disconnect();
  }, [explorer, analysis]);

  useEffect(() => {
    if (open) return;
    // While frozen: catch up after every pause in the changes, as a transition.
    let timer: ReturnType<typeof setTimeout> | null = null;
    let behindSince: number | null = null;
    // The reader's last change seen while frozen (none yet: a part that froze as the page opened or
    // scrolled away has no input to wait out).
    let lastInput = -Infinity;
    // Whether the pending catch-up is a quick one (after a final answer).
    let quick = false;
    const catchUp = () => {
      timer = null;
      behindSince = null;
      startTransition(() => setFrozen(snapshotOf({ explorer, analysis })));
    };
    const changed = (input: boolean, final: boolean) => {
      // Marked on the element (no render): this part shows an older state until it catches up.
      ref.current?.setAttribute('data-stale', 'true');
      const now = performance.now();
      if (input) lastInput = now;
      // The longest wait counts from the reader's last input: during a drag nothing far away catches
      // up (each catch-up laid out whole sections, 5–15 ms, in the middle of the drag); a long job's
      // progress after the input stops still shows at least once a second.
      if (input || behindSince === null) behindSince = now;
      // A quick catch-up already on its way is not put off by another channel's progress.
      if (timer !== null && quick && !input) return;
      if (timer !== null) clearTimeout(timer);
      const settled = final && now - lastInput >= CATCH_UP_MS;
      quick = settled;
      const wait = settled
        ? FINAL_STAGGER_MS * order
        : Math.min(CATCH_UP_MS + CATCH_UP_STAGGER_MS * order, behindSince + CATCH_UP_MAX_WAIT_MS - now);
      timer = setTimeout(catchUp, Math.max(0, wait));
    };
    const unsubscribe = [
      explorer.subscribe(() => changed(true, false)),
      ...CHANNEL_IDS.map((id) => analysis[id].subscribe((state) => changed(false, state.status === 'done' || state.status === 'error'))),
    ];
    return () => {
      if (timer !== null) clearTimeout(timer);
      unsubscribe.forEach((u) => u());
    };
  }, [open, explorer, analysis, order]);

  // Live, or a snapshot just committed: what it shows is the current state.
  // (After every commit of the gate: it commits only when it goes live or takes a new snapshot.)
  useEffect(() => {
    ref.current?.removeAttribute('data-stale');
  });

  const shown = open || frozen === null ? null : frozen;
  return (
    <div ref={ref} className="section-gate">
      <ExplorerContext.Provider value={shown?.explorer ?? explorer}>
        <AnalysisContext.Provider value={shown?.analysis ?? analysis}>
          <NearContext.Provider value={demandsNear}>{children}</NearContext.Provider>
        </AnalysisContext.Provider>
      </ExplorerContext.Provider>
    </div>
  );
}
