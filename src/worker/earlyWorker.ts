/**
 * The main figure's worker, started by `entry.ts` as the page opens instead of by `main.tsx` once
 * the first screen has painted and the page's code has loaded: the worker's script then loads,
 * compiles and warms its kernels while the page's code does, so the first request finds it ready
 * (measured on the 2-core machine: about 0.5 s sooner to the first numbers of a long job;
 * docs/architecture.md#first-screen). `main.tsx` takes it for its first client; anything else
 * starts a worker of its own.
 */
import type { WorkerLike } from './analysisClient.ts';

/** A new analysis worker; the one place the page names the worker's script. */
export function createAnalysisWorker(): WorkerLike {
  return new Worker(new URL('./analysis.worker.ts', import.meta.url), { type: 'module' }) as WorkerLike;
}

let early: WorkerLike | null = null;
/** Whether the early worker failed before it was taken (its error event has no other listener yet). */
let failed = false;

/** Starts the early worker; does nothing where workers cannot start (the client then computes on the page). */
export function startEarlyWorker(): void {
  if (early !== null || typeof Worker !== 'function') return;
  try {
    early = createAnalysisWorker();
    early.onerror = () => {
      failed = true;
    };
  } catch {
    early = null;
  }
}

/**
 * The early worker, once: null if it was not started or already taken. One that failed before it
 * was taken is dropped, so the caller starts a new one (whose failure the client then hears).
 */
export function takeEarlyWorker(): WorkerLike | null {
  const taken = early;
  early = null;
  if (taken === null) return null;
  taken.onerror = null;
  if (failed) {
    taken.terminate();
    return null;
  }
  return taken;
}
