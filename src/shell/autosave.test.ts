import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createEditorStore } from '../store/editorStore';
import { createNode } from '../store/edits';
import { AUTOSAVE_KEY, restoreSession } from '../store/persistence';
import { AUTOSAVE_DELAY_MS, startAutosave } from './autosave';

class MemoryStorage {
  writes = 0;
  private data = new Map<string, string>();
  getItem = (k: string) => this.data.get(k) ?? null;
  setItem = (k: string, v: string) => {
    this.writes++;
    this.data.set(k, v);
  };
}

describe('startAutosave', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('startAutosave(store) saves the graph, selection and viewport once, after the edits settle', () => {
    const storage = new MemoryStorage();
    const store = createEditorStore();
    startAutosave(store, storage as unknown as Storage);
    store.getState().edit('add square', (d) => void d.nodes.push(createNode('square', 'square', { x: 0, y: 0 })));
    store.getState().select(['square']);
    store.getState().setViewport({ x: 5, y: 6, zoom: 2 });
    expect(storage.writes).toBe(0);
    vi.advanceTimersByTime(AUTOSAVE_DELAY_MS);
    expect(storage.writes).toBe(1);
    const r = restoreSession(storage as unknown as Storage);
    expect(r && 'session' in r && r.session).toMatchObject({ selection: ['square'], viewport: { x: 5, y: 6, zoom: 2 } });
    expect(r && 'session' in r && r.session.doc.nodes.map((n) => n.id)).toEqual(['square']);
  });

  it('startAutosave(store).flush() writes a pending change at once, and nothing when none is pending', () => {
    const storage = new MemoryStorage();
    const store = createEditorStore();
    const autosave = startAutosave(store, storage as unknown as Storage);
    autosave.flush();
    expect(storage.writes).toBe(0);
    store.getState().select(['a']);
    autosave.flush();
    expect(storage.writes).toBe(1);
  });

  it('startAutosave leaves stored data alone until something changes', () => {
    const storage = new MemoryStorage();
    storage.setItem(AUTOSAVE_KEY, '{broken');
    const store = createEditorStore();
    startAutosave(store, storage as unknown as Storage);
    vi.advanceTimersByTime(10 * AUTOSAVE_DELAY_MS);
    expect(storage.getItem(AUTOSAVE_KEY)).toBe('{broken');
  });

  it('startAutosave(store, storage, {keepUntilEdit}) ignores view and selection changes until the document is edited', () => {
    const storage = new MemoryStorage();
    storage.setItem(AUTOSAVE_KEY, '{broken');
    const store = createEditorStore();
    startAutosave(store, storage as unknown as Storage, { keepUntilEdit: true });
    store.getState().setViewport({ x: 1, y: 1, zoom: 1 });
    store.getState().select([]);
    vi.advanceTimersByTime(10 * AUTOSAVE_DELAY_MS);
    expect(storage.getItem(AUTOSAVE_KEY)).toBe('{broken');
    store.getState().edit('add square', (d) => void d.nodes.push(createNode('square', 'square', { x: 0, y: 0 })));
    vi.advanceTimersByTime(AUTOSAVE_DELAY_MS);
    const r = restoreSession(storage as unknown as Storage);
    expect(r && 'session' in r && r.session).toMatchObject({ viewport: { x: 1, y: 1, zoom: 1 } });
  });

  it('startAutosave(store, storage, {dirty}) saves without waiting for a change', () => {
    const storage = new MemoryStorage();
    startAutosave(createEditorStore(), storage as unknown as Storage, { dirty: true });
    vi.advanceTimersByTime(AUTOSAVE_DELAY_MS);
    expect(storage.writes).toBe(1);
  });

  it('startAutosave(store, a full storage) reports the failure in the notice', () => {
    const store = createEditorStore();
    const full = { getItem: () => null, setItem: () => { throw new Error('quota exceeded'); } };
    startAutosave(store, full as unknown as Storage, { dirty: true });
    vi.advanceTimersByTime(AUTOSAVE_DELAY_MS);
    expect(store.getState().notice).toMatchObject({ kind: 'error', text: expect.stringContaining('quota exceeded') });
  });
});
