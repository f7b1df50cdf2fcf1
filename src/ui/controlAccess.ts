import { controlAccess, lengthFixed, type ControlAccess, type ControlGroup } from '../state/classLink.ts';
import { useExplorer } from './explorerContext.ts';

/** Whether the reader may use a group of controls on this page (a class link may lock or hide it). */
export function useControlAccess(group: ControlGroup): ControlAccess {
  return useExplorer((s) => controlAccess(s, group));
}

/** Whether the number of units may change (a class link that fixes the mask or the kept count fixes n). */
export function useLengthFixed(): boolean {
  return useExplorer(lengthFixed);
}
