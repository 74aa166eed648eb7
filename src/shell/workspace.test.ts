import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadGraphFile } from '../../engine';
import { decodeSession } from '../store/persistence';
import { openNew } from './fileActions';
import { recentText } from './recentStorage';
import { testWorkspace } from './testWorkspace';

const composite = () => {
  const r = loadGraphFile(readFileSync(new URL('../../public/examples/composite-function.json', import.meta.url), 'utf8'));
  if (!r.ok) throw new Error('example does not load');
  return r.file;
};

describe('workspace', () => {
  it('openNew(ws) over work, then session.undo() → the work’s entry is current again and unchanged, the new entry keeps the empty document; redo() → the reverse', () => {
    const { ws, session, recent, memory } = testWorkspace({ doc: composite(), id: 'work' });
    session.edit('rename', (d) => void (d.name = 'My work'));
    ws.flush();
    const work = recentText(memory.storage, 'work');
    openNew(ws, 'en');
    const fresh = recent.getState().currentId;
    expect(fresh).not.toBe('work');
    // Not saved yet when Undo comes: it is saved to the new document's own entry first.
    session.setViewport({ x: 3, y: 4, zoom: 2 });
    session.undo();
    ws.flush();
    expect(recent.getState().currentId).toBe('work');
    expect(session.state.history.present.name).toBe('My work');
    expect(recentText(memory.storage, 'work')).toBe(work);
    const opened = decodeSession(recentText(memory.storage, fresh) ?? '');
    expect(opened.ok && opened.session.doc.nodes).toEqual([]);
    expect(opened.ok && opened.session.viewport).toEqual({ x: 3, y: 4, zoom: 2 });
    const left = recentText(memory.storage, fresh);
    session.redo();
    ws.flush();
    expect(recent.getState().currentId).toBe(fresh);
    expect(session.state.history.present.nodes).toEqual([]);
    expect(session.state.viewport).toEqual({ x: 3, y: 4, zoom: 2 });
    expect(recentText(memory.storage, fresh)).toBe(left);
    expect(recentText(memory.storage, 'work')).toBe(work);
  });
});
