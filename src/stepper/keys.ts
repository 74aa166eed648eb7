import { isEditableTarget, type TargetLike } from '../canvas/shortcuts';

/** A step-bar command bound to a key. */
export type StepKey = 'play' | 'step' | 'phase' | 'back';

/** What stepKeyFor reads from a KeyboardEvent. */
export interface StepChord {
  readonly key: string;
  readonly shiftKey: boolean;
  readonly ctrlKey: boolean;
  readonly metaKey: boolean;
  readonly altKey: boolean;
}

/** Where the key was pressed, as far as the step bar cares. */
export interface StepTarget extends TargetLike {
  closest?(selector: string): unknown;
}

/**
 * The command a key means: Space plays or pauses, → steps, Shift+→ finishes the phase, ← steps
 * back. Not while typing in a field, not on a focused node (arrows move it), and Space not on
 * a control (where it presses the control).
 */
export function stepKeyFor(e: StepChord, target: StepTarget | null): StepKey | null {
  if (e.ctrlKey || e.metaKey || e.altKey) return null;
  if (isEditableTarget(target)) return null;
  if (target?.closest?.('.react-flow__node')) return null;
  if (e.key === ' ') return target?.closest?.('button, a, [role="tab"], [role="button"], summary') ? null : 'play';
  if (e.key === 'ArrowRight') return e.shiftKey ? 'phase' : 'step';
  if (e.key === 'ArrowLeft' && !e.shiftKey) return 'back';
  return null;
}
