import { controlAccess, type ControlAccess, type ControlGroup } from '../state/classLink.ts';
import { useExplorer } from './explorerContext.ts';

/** Whether the reader may use a group of controls on this page (a class link may lock or hide it). */
export function useControlAccess(group: ControlGroup): ControlAccess {
  return useExplorer((s) => controlAccess(s, group));
}
