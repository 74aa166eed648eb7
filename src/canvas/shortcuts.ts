/** An editing command the canvas binds to a key chord. */
export type Shortcut = 'copy' | 'paste' | 'duplicate' | 'undo' | 'redo';

/** The parts of a KeyboardEvent a shortcut depends on (so the mapping is testable without a DOM). */
export interface KeyChord {
  readonly key: string;
  readonly ctrlKey: boolean;
  readonly metaKey: boolean;
  readonly shiftKey: boolean;
  readonly altKey: boolean;
}

/**
 * The command a chord means: Ctrl or Cmd with C, V, D, Z; Shift+Z and Y redo. Alt chords are
 * left alone (they type characters on some layouts); either modifier works on any platform,
 * so a Mac user on a PC keyboard is not surprised.
 */
export function shortcutFor(e: KeyChord): Shortcut | null {
  if (!(e.ctrlKey || e.metaKey) || e.altKey) return null;
  const key = e.key.toLowerCase();
  if (key === 'z') return e.shiftKey ? 'redo' : 'undo';
  if (key === 'y') return e.shiftKey ? null : 'redo';
  if (e.shiftKey) return null;
  if (key === 'c') return 'copy';
  if (key === 'v') return 'paste';
  if (key === 'd') return 'duplicate';
  return null;
}

/** What `isEditableTarget` looks at: an element's tag, editability and role. */
export interface TargetLike {
  readonly tagName?: string;
  readonly isContentEditable?: boolean;
  getAttribute?(name: string): string | null;
}

/**
 * True when keys typed at `target` belong to a text field: there Ctrl+Z undoes typing and
 * Ctrl+C copies text, so the canvas must not take them.
 */
export function isEditableTarget(target: TargetLike | null | undefined): boolean {
  if (!target) return false;
  const tag = target.tagName?.toUpperCase();
  if (tag === 'INPUT' || tag === 'TEXTAREA' || tag === 'SELECT') return true;
  if (target.isContentEditable) return true;
  const role = target.getAttribute?.('role');
  return role === 'textbox' || role === 'combobox' || role === 'spinbutton';
}
