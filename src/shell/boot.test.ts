import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadGraphFile } from '../../engine/format/load';
import { createEditorStore } from '../store/editorStore';
import { createNode, emptyDocument } from '../store/edits';
import { AUTOSAVE_KEY, encodeShare, saveSession } from '../store/persistence';
import { applyBoot, planBoot, type BootSources } from './boot';

class MemoryStorage {
  private data = new Map<string, string>();
  getItem = (k: string) => this.data.get(k) ?? null;
  setItem = (k: string, v: string) => void this.data.set(k, v);
}

const composite = () => {
  const r = loadGraphFile(readFileSync(new URL('../../public/examples/composite-function.json', import.meta.url), 'utf8'));
  if (!r.ok) throw new Error('example does not load');
  return r.file;
};

const work = () => {
  const doc = emptyDocument();
  doc.nodes.push(createNode('square', 'square', { x: 10, y: 20 }));
  return doc;
};

const sources = (over: Partial<BootSources> = {}): BootSources => ({
  hash: '',
  storage: new MemoryStorage() as unknown as Storage,
  loadExample: async () => ({ doc: composite() }),
  lang: 'en',
  ...over,
});

describe('planBoot', () => {
  it('planBoot(nothing stored) opens the example', async () => {
    const plan = await planBoot(sources());
    expect(plan.session).toEqual({ doc: composite(), selection: [], viewport: null });
    expect(plan).toMatchObject({ shared: null, notice: null, clearHash: false, saveNow: false });
  });

  it('planBoot(autosaved work) restores the graph, selection and viewport', async () => {
    const storage = new MemoryStorage() as unknown as Storage;
    saveSession(storage, { doc: work(), selection: ['square'], viewport: { x: 1, y: 2, zoom: 3 } });
    const plan = await planBoot(sources({ storage }));
    expect(plan.session).toEqual({ doc: work(), selection: ['square'], viewport: { x: 1, y: 2, zoom: 3 } });
    expect(plan.saveNow).toBe(false);
  });

  it('planBoot(unreadable autosave) shows the error, opens the example and leaves storage alone', async () => {
    const storage = new MemoryStorage() as unknown as Storage;
    storage.setItem(AUTOSAVE_KEY, '{broken');
    const plan = await planBoot(sources({ storage }));
    expect(plan.session.doc).toEqual(composite());
    expect(plan.notice).toMatchObject({ kind: 'error', details: [expect.any(String)] });
    expect(plan).toMatchObject({ saveNow: false, keepStored: true });
    expect(storage.getItem(AUTOSAVE_KEY)).toBe('{broken');
  });

  it('planBoot(share link, nothing stored) opens the shared graph and clears the hash', async () => {
    const shared = { ...composite(), name: 'shared' };
    const plan = await planBoot(sources({ hash: encodeShare(shared) }));
    expect(plan.session.doc).toEqual(shared);
    expect(plan).toMatchObject({ shared: null, clearHash: true, saveNow: true });
  });

  it('planBoot(share link over autosaved work) opens the shared graph as an undoable step', async () => {
    const storage = new MemoryStorage() as unknown as Storage;
    saveSession(storage, { doc: work(), selection: [], viewport: null });
    const plan = await planBoot(sources({ storage, hash: encodeShare(composite()) }));
    expect(plan.session.doc).toEqual(work());
    expect(plan.shared).toEqual(composite());
    const store = createEditorStore();
    applyBoot(store, plan, 'en');
    expect(store.getState().history.present).toEqual(composite());
    store.getState().undo();
    expect(store.getState().history.present).toEqual(work());
  });

  it('planBoot(damaged share link) reports it and falls back to the example', async () => {
    const plan = await planBoot(sources({ hash: '#graph=!!!' }));
    expect(plan.session.doc).toEqual(composite());
    expect(plan.notice).toMatchObject({ kind: 'error', text: expect.stringContaining('share link') });
    expect(plan.clearHash).toBe(true);
  });

  it('planBoot(example fails to load) opens an empty graph and says why', async () => {
    const plan = await planBoot(sources({ loadExample: async () => ({ errors: ['HTTP 404'] }) }));
    expect(plan.session.doc).toEqual(emptyDocument());
    expect(plan.notice).toMatchObject({ kind: 'error', details: ['HTTP 404'] });
  });
});

describe('applyBoot', () => {
  it('applyBoot(plan) opens the document with nothing to undo and drops a selection of missing nodes', () => {
    const store = createEditorStore();
    const session = { doc: work(), selection: ['square', 'ghost'], viewport: { x: 0, y: 0, zoom: 1 } };
    applyBoot(store, { session, shared: null, notice: null, clearHash: false, saveNow: false, keepStored: false }, 'en');
    const s = store.getState();
    expect(s.history).toEqual({ present: work(), past: [], future: [] });
    expect(s.selection).toEqual(['square']);
    expect(s.viewport).toEqual({ x: 0, y: 0, zoom: 1 });
  });
});
