import type { GraphFile } from '../../engine';
import { Session } from '../session/Session';
import { emptyDocument } from '../store/edits';
import { startAutosave } from './autosave';
import { createRecentStore } from './recentStore';
import { MemoryStorage } from './testStorage';
import { switchEntry, type Workspace } from './workspace';

/**
 * A workspace wired as the app wires its own, for the shell's tests: a session (which
 * compiles every document it takes in, so an engine failure surfaces where it would in the
 * page), and autosave writing to Recent in a MemoryStorage.
 */
export function testWorkspace(options: { storage?: MemoryStorage; doc?: GraphFile; id?: string } = {}) {
  const memory = options.storage ?? new MemoryStorage();
  const session: Session = new Session({ doc: options.doc ?? emptyDocument(), switchEntry: (id) => switchEntry(ws, id) });
  const recent = createRecentStore(memory.storage, [], options.id);
  const autosave = startAutosave({ session, recent });
  const ws: Workspace = { session, recent, flush: autosave.flush };
  return { ws, session, recent, memory, autosave };
}
