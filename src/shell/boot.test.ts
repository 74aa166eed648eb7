import { readFileSync } from 'node:fs';
import { noticeText } from './noticeText';
import { describe, expect, it } from 'vitest';
import { loadGraphFile } from '../../engine';
import { createNode, emptyDocument } from '../store/edits';
import { encodeSession, LEGACY_AUTOSAVE_KEY, type PageOpenResult } from '../store/persistence';
import { encodeShare } from '../store/shareLink';
import { applyBoot, type BootSources, bootWorkspace, planBoot } from './boot';
import { listRecent, recentText, saveRecent } from './recentStorage';
import { MemoryStorage } from './testStorage';
import { testWorkspace } from './testWorkspace';

const composite = () => {
  const r = loadGraphFile(readFileSync(new URL('../../public/examples/composite-function.json', import.meta.url), 'utf8'));
  if (!r.ok) throw new Error('example does not load');
  return r.file;
};

const work = () => {
  const doc = emptyDocument();
  doc.name = 'My work';
  doc.nodes.push(createNode('square', 'square', { x: 10, y: 20 }));
  return doc;
};

const example = async (): Promise<PageOpenResult> => ({ ok: true, file: composite(), problems: [] });

let ids = 0;
const sources = (over: Partial<BootSources> = {}): BootSources => ({
  hash: '',
  storage: new MemoryStorage().storage,
  loadExample: example,
  lang: 'en',
  now: () => 1000,
  newId: () => `new${++ids}`,
  ...over,
});

/** Storage holding `My work` as the last open document (id `work`), with its selection and viewport. */
const storedWork = () => {
  const m = new MemoryStorage();
  saveRecent(m.storage, { id: 'work', name: 'My work', text: encodeSession({ doc: work(), selection: ['square'], viewport: { x: 1, y: 2, zoom: 3 } }) }, 1);
  return m;
};

/** Storage whose last open document (id `bad`) cannot be read, with `My work` before it. */
const storedCorrupt = () => {
  const m = storedWork();
  saveRecent(m.storage, { id: 'bad', name: 'Broken', text: '{"file": "{not json' }, 2);
  return m;
};

describe('planBoot', () => {
  it('planBoot(nothing stored) opens the example in a new entry', async () => {
    const plan = await planBoot(sources());
    expect(plan.session).toEqual({ doc: composite(), selection: [], viewport: null });
    expect(plan).toMatchObject({ source: 'example', notice: null, clearHash: false, saveNow: false, entries: [] });
  });

  it('planBoot(saved work) restores the last document with its selection and viewport', async () => {
    const m = storedWork();
    const plan = await planBoot(sources({ storage: m.storage }));
    expect(plan.session).toEqual({ doc: work(), selection: ['square'], viewport: { x: 1, y: 2, zoom: 3 } });
    expect(plan).toMatchObject({ id: 'work', source: 'stored', saveNow: false, notice: null });
  });

  it('planBoot(old single autosave) moves it into Recent and restores it', async () => {
    const m = new MemoryStorage();
    m.storage.setItem(LEGACY_AUTOSAVE_KEY, encodeSession({ doc: work(), selection: [], viewport: null }));
    const plan = await planBoot(sources({ storage: m.storage, newId: () => 'moved' }));
    expect(plan).toMatchObject({ id: 'moved', source: 'stored', session: { doc: work() } });
    expect(listRecent(m.storage).map((e) => e.id)).toEqual(['moved']);
    expect(m.storage.getItem(LEGACY_AUTOSAVE_KEY)).toBeNull();
  });

  it('planBoot(unreadable last document) opens the example, keeps the text as it is and says it is damaged in Recent', async () => {
    const m = storedCorrupt();
    const plan = await planBoot(sources({ storage: m.storage }));
    expect(plan.session.doc).toEqual(composite());
    expect(plan.id).not.toBe('bad');
    expect(plan.saveNow, 'saved at once, so the next visit opens the example without the same notice').toBe(true);
    expect(noticeText('en', plan.notice)).toMatchObject({
      kind: 'error',
      text: 'Your last document “Broken” could not be opened; it is kept in Recent, marked damaged, where you can export its raw text or discard it. The example is open instead.',
      details: [expect.stringContaining('not valid JSON')],
    });
    expect(plan.entries.map((e) => [e.id, e.damaged ?? false])).toEqual([
      ['bad', true],
      ['work', false],
    ]);
    expect(recentText(m.storage, 'bad')).toBe('{"file": "{not json');
  });

  it('planBoot(share link over saved work) opens the shared graph as a new entry; the work stays in Recent', async () => {
    const m = storedWork();
    const plan = await planBoot(sources({ storage: m.storage, hash: encodeShare(composite()) }));
    expect(plan.session.doc).toEqual(composite());
    expect(plan).toMatchObject({ source: 'share', clearHash: true, saveNow: true });
    expect(noticeText('en', plan.notice)).toEqual({ kind: 'info', text: 'Opened the shared graph; your previous work is in Recent.' });
    expect(plan.id).not.toBe('work');
    expect(plan.previous?.id).toBe('work');

    // Opened and autosaved as the page does: both documents are in Recent, the work unchanged.
    const before = recentText(m.storage, 'work');
    const { ws } = testWorkspace({ storage: m });
    expect(applyBoot(ws, plan)).toEqual({ ok: true });
    ws.flush(true);
    expect(listRecent(m.storage).map((e) => e.name)).toEqual(['Composite function y = 2x² + 2', 'My work']);
    expect(recentText(m.storage, 'work')).toBe(before);
  });

  it('planBoot(share link over an unreadable last document) opens the link and says truthfully that the damaged one is kept', async () => {
    const m = storedCorrupt();
    const plan = await planBoot(sources({ storage: m.storage, hash: encodeShare(composite()) }));
    expect(plan.session.doc).toEqual(composite());
    expect(noticeText('en', plan.notice)).toMatchObject({
      kind: 'error',
      text: 'Opened the shared graph. Your last document “Broken” could not be opened; it is kept in Recent, marked damaged, where you can export its raw text or discard it.',
    });
    const { ws } = testWorkspace({ storage: m });
    applyBoot(ws, plan);
    ws.flush(true);
    expect(listRecent(m.storage).map((e) => [e.name, e.damaged ?? false])).toEqual([
      ['Composite function y = 2x² + 2', false],
      ['Broken', true],
      ['My work', false],
    ]);
    expect(recentText(m.storage, 'bad')).toBe('{"file": "{not json');
  });

  it('planBoot(damaged share link) reports it and opens the saved work', async () => {
    const plan = await planBoot(sources({ storage: storedWork().storage, hash: '#graph=!!!' }));
    expect(plan.session.doc).toEqual(work());
    expect(noticeText('en', plan.notice)).toMatchObject({ kind: 'error', text: 'The share link could not be opened; the open graph is unchanged:', details: [expect.stringContaining('damaged')] });
    expect(plan.clearHash).toBe(true);
  });

  it('planBoot(share link whose arange would exceed the tensor limit) refuses it, naming the limit', async () => {
    const hostile = { ...composite(), nodes: composite().nodes.map((n) => (n.id === 'x' ? { ...n, value: { type: 'arange' as const, start: 0, end: 1, step: 1e-9 } } : n)) };
    const plan = await planBoot(sources({ storage: storedWork().storage, hash: encodeShare(hostile) }));
    expect(plan.session.doc).toEqual(work());
    expect(noticeText('en', plan.notice)?.details?.join('\n')).toMatch(/4,000,000/);
  });

  it('planBoot(example fails to load) opens an empty graph and says why', async () => {
    const plan = await planBoot(sources({ loadExample: async () => ({ ok: false, errors: [{ path: '', message: 'HTTP 404' }] }) }));
    expect(plan.session.doc).toEqual(emptyDocument());
    expect(noticeText('en', plan.notice)).toMatchObject({ kind: 'error', text: 'The example could not be loaded:', details: ['HTTP 404'] });
  });
});

describe('bootWorkspace', () => {
  it('bootWorkspace(a stored document the page fails on) keeps it stored, marked damaged, and opens the example', async () => {
    const m = storedWork();
    const before = recentText(m.storage, 'work');
    const { ws, session } = testWorkspace({ storage: m });
    session.subscribe((s) => {
      if (s.history.present.name === 'My work') throw new TypeError("Cannot read properties of undefined (reading '0')");
    });
    const plan = await bootWorkspace(ws, sources({ storage: m.storage }));
    expect(session.state.history.present).toEqual(composite());
    expect(plan.source).toBe('example');
    expect(noticeText('en', session.state.notice)).toMatchObject({
      kind: 'error',
      text: expect.stringContaining('Your last document “My work” could not be opened'),
      technical: "TypeError: Cannot read properties of undefined (reading '0')",
    });
    expect(noticeText('en', session.state.notice)?.text).not.toContain('Cannot read');
    expect(listRecent(m.storage)).toMatchObject([{ id: 'work', damaged: true }]);
    expect(recentText(m.storage, 'work')).toBe(before);
  });

  it('bootWorkspace(a share link the page fails on, over saved work) leaves the work open', async () => {
    const m = storedWork();
    const { ws, session } = testWorkspace({ storage: m });
    session.subscribe((s) => {
      if (s.history.present.name === 'Composite function y = 2x² + 2') throw new TypeError('boom');
    });
    const plan = await bootWorkspace(ws, sources({ storage: m.storage, hash: encodeShare(composite()) }));
    expect(plan).toMatchObject({ id: 'work', source: 'stored', clearHash: true });
    expect(session.state.history.present).toEqual(work());
    expect(noticeText('en', session.state.notice)).toMatchObject({ kind: 'error', text: 'The share link could not be opened; the open graph is unchanged:' });
  });

  it('bootWorkspace(the stored crashing linear weight) ends with a document on the page and the stored text unchanged', async () => {
    const doc = JSON.parse(readFileSync(new URL('../../public/examples/linear-regression-module.json', import.meta.url), 'utf8')) as { nodes: { op: string; params?: Record<string, unknown> }[] };
    const linear = doc.nodes.find((n) => n.op === 'linear');
    if (!linear?.params) throw new Error('the example has no linear node');
    linear.params.weight = { shape: [2, 1], data: [1, 1] };
    const m = new MemoryStorage();
    const text = JSON.stringify({ file: JSON.stringify(doc), selection: [], viewport: null });
    saveRecent(m.storage, { id: 'stored', name: 'Linear regression with nn.Linear', text }, 1);
    const { ws, session } = testWorkspace({ storage: m });
    const plan = await bootWorkspace(ws, sources({ storage: m.storage }));
    // Either the engine shows it with the weight marked, or the example opens and it is kept, damaged.
    if (plan.source === 'stored') expect(session.state.compiled.problems.map((p) => p.message).join('\n')).toMatch(/weight/);
    else expect(listRecent(m.storage)).toMatchObject([{ id: 'stored', damaged: true }]);
    expect(session.state.history.present.nodes.length).toBeGreaterThan(0);
    expect(recentText(m.storage, 'stored')).toBe(text);
  });
});

describe('applyBoot', () => {
  it('applyBoot(plan) opens the document with nothing to undo and drops a selection of missing nodes', () => {
    const { ws, session, recent } = testWorkspace();
    const saved = { doc: work(), selection: ['square', 'ghost'], viewport: { x: 0, y: 0, zoom: 1 } };
    applyBoot(ws, { session: saved, id: 'w', source: 'stored', entries: [], notice: null, clearHash: false, saveNow: false });
    const s = session.state;
    expect(s.history).toEqual({ present: work(), past: [], future: [] });
    expect(s.selection).toEqual(['square']);
    expect(s.viewport).toEqual({ x: 0, y: 0, zoom: 1 });
    expect(recent.getState().currentId).toBe('w');
  });
});
