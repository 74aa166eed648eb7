import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadGraphFile } from '../../engine/format/load';
import { AUTOSAVE_KEY, decodeShare, encodeShare, restoreSession, saveSession } from './persistence';
import { createNode, emptyDocument } from './edits';

class MemoryStorage {
  private data = new Map<string, string>();
  getItem = (k: string) => this.data.get(k) ?? null;
  setItem = (k: string, v: string) => void this.data.set(k, v);
}

const example = () => {
  const r = loadGraphFile(readFileSync(new URL('../../public/examples/linear-regression-module.json', import.meta.url), 'utf8'));
  if (!r.ok) throw new Error('example does not load');
  return r.file;
};

describe('persistence', () => {
  it('saveSession then restoreSession gives back the graph, selection and viewport', () => {
    const storage = new MemoryStorage() as unknown as Storage;
    saveSession(storage, { doc: example(), selection: ['linear'], viewport: { x: 10, y: -5, zoom: 1.5 } });
    expect(restoreSession(storage)).toEqual({ session: { doc: example(), selection: ['linear'], viewport: { x: 10, y: -5, zoom: 1.5 } } });
  });

  it('work in progress with an unconnected port restores as it was', () => {
    const storage = new MemoryStorage() as unknown as Storage;
    const doc = emptyDocument();
    doc.nodes.push(createNode('square', 'square', { x: 0, y: 0 }));
    saveSession(storage, { doc, selection: [], viewport: null });
    const r = restoreSession(storage);
    expect(r && 'session' in r && r.session.doc.nodes).toHaveLength(1);
  });

  it('unreadable autosave data gives an error and stays in storage', () => {
    const storage = new MemoryStorage() as unknown as Storage;
    storage.setItem(AUTOSAVE_KEY, '{not json');
    expect(restoreSession(storage)).toEqual({ error: expect.any(String) });
    expect(storage.getItem(AUTOSAVE_KEY)).toBe('{not json');
  });

  it('a share link round-trips the graph exactly, and a damaged one says so', () => {
    const hash = encodeShare(example());
    expect(hash).toMatch(/^#graph=[A-Za-z0-9_-]+$/);
    expect(decodeShare(hash)).toEqual({ doc: example() });
    expect(decodeShare(`${hash.slice(0, 40)}xx`)).toEqual({ errors: [expect.stringMatching(/damaged|JSON/)] });
    expect(decodeShare('#other')).toBeNull();
  });
});
