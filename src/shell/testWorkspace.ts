import type { GraphFile } from '../../engine/format/schema';
import { createEditorStore } from '../store/editorStore';
import { emptyDocument } from '../store/edits';
import { createRunStore } from '../store/runStore';
import { startAutosave } from './autosave';
import { createRecentStore } from './recentStore';
import { MemoryStorage } from './testStorage';
import type { Workspace } from './workspace';

/**
 * A workspace wired as the app wires its own, for the shell's tests: the run store
 * recompiles on every document change (so an engine failure surfaces where it would in
 * the page), and autosave writes to Recent in a MemoryStorage.
 */
export function testWorkspace(options: { storage?: MemoryStorage; doc?: GraphFile; id?: string } = {}) {
  const memory = options.storage ?? new MemoryStorage();
  const editor = createEditorStore(options.doc ?? emptyDocument());
  const run = createRunStore();
  run.getState().sync(editor.getState().history.present);
  editor.subscribe((s, prev) => {
    if (s.history.present !== prev.history.present) run.getState().sync(s.history.present);
  });
  const recent = createRecentStore(memory.storage, [], options.id);
  const autosave = startAutosave({ editor, recent });
  const ws: Workspace = { editor, recent, flush: autosave.flush };
  return { ws, editor, recent, run, memory, autosave };
}
