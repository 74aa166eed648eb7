import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadGraphFile } from '../../engine/format/load';
import { serializeGraphFile } from '../../engine/format/save';
import { createEditorStore } from '../store/editorStore';
import { emptyDocument } from '../store/edits';
import { decodeShare } from '../store/persistence';
import { exportFileName, isJsonFile, openFileText, openNew, shareLink } from './fileActions';

const text = readFileSync(new URL('../../public/examples/composite-function.json', import.meta.url), 'utf8');
const composite = () => {
  const r = loadGraphFile(text);
  if (!r.ok) throw new Error('example does not load');
  return r.file;
};

describe('fileActions', () => {
  it('exportFileName(doc) is the name in lower-case words, or graph', () => {
    expect(exportFileName(composite())).toBe('composite-function-y-2x²-2.gradcanvas.json');
    expect(exportFileName(emptyDocument())).toBe('graph.gradcanvas.json');
  });

  it('openFileText(good file) opens it as one undoable step', () => {
    const store = createEditorStore();
    expect(openFileText(store, text, 'c.json', 'en')).toBe(true);
    expect(serializeGraphFile(store.getState().history.present)).toBe(text);
    store.getState().undo();
    expect(store.getState().history.present).toEqual(emptyDocument());
  });

  it('openFileText(bad file) lists every error with its path and keeps the graph', () => {
    const store = createEditorStore(composite());
    const bad = JSON.parse(text);
    bad.nodes[1].op = 'sqaure';
    bad.edges[0].source = 'ghost';
    expect(openFileText(store, JSON.stringify(bad), 'bad.json', 'en')).toBe(false);
    const s = store.getState();
    expect(s.history.present).toEqual(composite());
    expect(s.history.past).toHaveLength(0);
    expect(s.notice?.kind).toBe('error');
    expect(s.notice?.text).toContain('bad.json');
    expect(s.notice?.details).toEqual(expect.arrayContaining([expect.stringMatching(/^nodes\[1\]\.op: /)]));
  });

  it('openFileText(unfinished graph) opens it and lists its problems with their paths', () => {
    const doc = emptyDocument();
    doc.nodes.push({ id: 'square', op: 'square', position: { x: 0, y: 0 } });
    const store = createEditorStore();
    expect(openFileText(store, serializeGraphFile(doc), 'wip.json', 'en')).toBe(true);
    expect(store.getState().history.present.nodes.map((n) => n.id)).toEqual(['square']);
    expect(store.getState().notice).toEqual({ kind: 'info', text: 'Opened wip.json; 1 problems are marked on the nodes', details: ['nodes[0]: square.x is not connected'] });
  });

  it('openNew(store) empties the graph undoably', () => {
    const store = createEditorStore(composite());
    openNew(store, 'en');
    expect(store.getState().history.present.nodes).toEqual([]);
    store.getState().undo();
    expect(store.getState().history.present).toEqual(composite());
  });

  it('shareLink(doc) decodes back to the same graph', () => {
    const link = shareLink(composite(), { origin: 'http://h:1', pathname: '/app/' });
    expect(link.startsWith('http://h:1/app/#graph=')).toBe(true);
    expect(decodeShare(link.slice(link.indexOf('#')))).toEqual({ doc: composite() });
  });

  it('isJsonFile(file) accepts .json names and the JSON type', () => {
    expect(isJsonFile({ name: 'a.gradcanvas.json', type: '' })).toBe(true);
    expect(isJsonFile({ name: 'a', type: 'application/json' })).toBe(true);
    expect(isJsonFile({ name: 'a.png', type: 'image/png' })).toBe(false);
  });
});
