import { readFileSync } from 'node:fs';
import { noticeText } from './noticeText';
import { describe, expect, it } from 'vitest';
import { loadGraphFile, serializeGraphFile } from '../../engine';
import { emptyDocument } from '../store/edits';
import { decodeShare, encodeShare, shareLink } from '../store/shareLink';
import { exportFileName, isJsonFile, openFileText, openNew, openShareLink } from './fileActions';
import { listRecent, recentText } from './recentStorage';
import { testWorkspace } from './testWorkspace';

const read = (name: string) => readFileSync(new URL(`../../public/examples/${name}`, import.meta.url), 'utf8');
const text = read('composite-function.json');
const composite = () => {
  const r = loadGraphFile(text);
  if (!r.ok) throw new Error('example does not load');
  return r.file;
};

/** The linear-regression example with a weight of the wrong shape: the import that used to blank the page. */
const crashingText = () => {
  const doc = JSON.parse(read('linear-regression-module.json')) as { nodes: { op: string; params?: Record<string, unknown> }[] };
  const linear = doc.nodes.find((n) => n.op === 'linear');
  if (!linear?.params) throw new Error('the example has no linear node');
  linear.params.weight = { shape: [2, 1], data: [1, 1] };
  return JSON.stringify(doc);
};

describe('fileActions', () => {
  it('exportFileName(doc) is the name in lower-case words, or graph', () => {
    expect(exportFileName(composite())).toBe('composite-function-y-2x²-2.gradcanvas.json');
    expect(exportFileName(emptyDocument())).toBe('graph.gradcanvas.json');
  });

  it('openFileText(good file) opens it as a new document first in Recent; the previous one stays there; Undo brings it back', () => {
    const { ws, session, recent, memory } = testWorkspace({ id: 'work' });
    session.edit('rename', (d) => void (d.name = 'My work'));
    expect(openFileText(ws, text, 'c.json', 'en')).toBe(true);
    expect(serializeGraphFile(session.state.history.present)).toBe(text);
    const entries = listRecent(memory.storage);
    expect(entries.map((e) => e.name)).toEqual(['Composite function y = 2x² + 2', 'My work']);
    expect(recent.getState().currentId).toBe(entries[0].id);
    expect(JSON.parse(recentText(memory.storage, 'work') ?? '').file).toContain('"My work"');
    session.undo();
    expect(session.state.history.present.name).toBe('My work');
  });

  it('openFileText(bad file) lists every error with its path and changes nothing, in the session or in storage', () => {
    const { ws, session, memory } = testWorkspace({ doc: composite(), id: 'work' });
    ws.flush();
    session.select(['x']);
    ws.flush();
    const stored = memory.dump();
    const bad = JSON.parse(text);
    bad.nodes[1].op = 'sqaure';
    bad.edges[0].source = 'ghost';
    expect(openFileText(ws, JSON.stringify(bad), 'bad.json', 'en')).toBe(false);
    const s = session.state;
    expect(s.history.present).toEqual(composite());
    expect(s.history.past).toHaveLength(0);
    expect(noticeText('en', s.notice)).toMatchObject({ kind: 'error', text: 'bad.json could not be opened; the open graph is unchanged:' });
    expect(noticeText('en', s.notice)?.details).toEqual(expect.arrayContaining([expect.stringMatching(/^nodes\[1\]\.op: /)]));
    ws.flush();
    expect(memory.dump()).toEqual(stored);
  });

  it('openFileText(the crashing linear weight) refuses it, names the weight, keeps the open graph, and never shows raw JavaScript text', () => {
    const { ws, session, memory } = testWorkspace({ doc: composite(), id: 'work' });
    session.edit('rename', (d) => void (d.name = 'Before'));
    ws.flush();
    const before = session.state.history;
    const opened = openFileText(ws, crashingText(), 'crash.json', 'en');
    const s = session.state;
    expect(opened).toBe(false);
    expect(s.history).toBe(before);
    expect(noticeText('en', s.notice)).toMatchObject({ kind: 'error', text: 'crash.json could not be opened; the open graph is unchanged:' });
    expect(noticeText('en', s.notice)?.details?.join('\n')).toMatch(/weight has shape \[2, 1\]/);
    expect(noticeText('en', s.notice)?.text).not.toMatch(/Cannot read|undefined|TypeError/);
    expect(listRecent(memory.storage).map((e) => e.id)).toEqual(['work']);
    // The page still works on the previous document.
    session.edit('rename', (d) => void (d.name = 'After'));
    expect(session.state.compiled.program).not.toBeNull();
    ws.flush();
    expect(JSON.parse(recentText(memory.storage, 'work') ?? '').file).toContain('"After"');
  });

  it('openFileText(a file the page fails on) puts the session and Recent back exactly as they were', () => {
    const { ws, session, recent, memory } = testWorkspace({ doc: composite(), id: 'work' });
    ws.flush();
    session.select(['x']);
    // A store that reacts to a new document and throws: whatever fails while the page takes a document in.
    session.subscribe((s, prev) => {
      if (s.history.present !== prev.history.present && s.history.present.name === 'Sigmoid y = σ(x)') throw new TypeError("Cannot read properties of undefined (reading '0')");
    });
    const before = session.state;
    expect(openFileText(ws, read('sigmoid-function.json'), 'sigmoid.json', 'en')).toBe(false);
    const s = session.state;
    expect([s.history, s.selection, s.viewport]).toEqual([before.history, before.selection, before.viewport]);
    expect(recent.getState().currentId).toBe('work');
    expect(noticeText('en', s.notice)).toEqual({
      kind: 'error',
      text: 'sigmoid.json could not be opened; the open graph is unchanged:',
      details: ['The page failed while preparing this graph, so it was not opened.'],
      technical: "TypeError: Cannot read properties of undefined (reading '0')",
    });
    ws.flush();
    expect(listRecent(memory.storage).map((e) => e.id)).toEqual(['work']);
  });

  it('openFileText(unfinished graph) opens it and lists its problems with their paths', () => {
    const doc = emptyDocument();
    doc.nodes.push({ id: 'square', op: 'square', position: { x: 0, y: 0 } });
    const { ws, session } = testWorkspace();
    expect(openFileText(ws, serializeGraphFile(doc), 'wip.json', 'en')).toBe(true);
    expect(session.state.history.present.nodes.map((n) => n.id)).toEqual(['square']);
    expect(noticeText('en', session.state.notice)).toEqual({ kind: 'info', text: 'Opened wip.json with 1 problem(s) marked on the nodes:', details: ['nodes[0]: square.x is not connected'] });
  });

  it('openNew(ws) starts an empty graph as a new document; the previous one stays in Recent', () => {
    const { ws, session, memory } = testWorkspace({ doc: composite(), id: 'work' });
    openNew(ws, 'en');
    expect(session.state.history.present.nodes).toEqual([]);
    expect(listRecent(memory.storage).map((e) => e.name)).toEqual([null, 'Composite function y = 2x² + 2']);
    session.undo();
    expect(session.state.history.present).toEqual(composite());
  });

  it('openShareLink(ws, link) opens the shared graph first in Recent and says where the previous work is', async () => {
    const { ws, session, memory } = testWorkspace({ id: 'work' });
    session.edit('rename', (d) => void (d.name = 'My work'));
    expect(await openShareLink(ws, encodeShare(composite()), 'en')).toBe(true);
    expect(session.state.history.present).toEqual(composite());
    expect(noticeText('en', session.state.notice)).toEqual({ kind: 'info', text: 'Opened the shared graph; your previous work is in Recent.' });
    expect(listRecent(memory.storage).map((e) => e.name)).toEqual(['Composite function y = 2x² + 2', 'My work']);
    expect(await openShareLink(ws, '#graph=!!!', 'en')).toBe(false);
    expect(noticeText('en', session.state.notice)).toMatchObject({ kind: 'error', text: 'The share link could not be opened; the open graph is unchanged:' });
    expect(session.state.history.present).toEqual(composite());
  });

  it('shareLink(doc) decodes back to the same graph', () => {
    const link = shareLink(composite(), { origin: 'http://h:1', pathname: '/app/' });
    expect(link.startsWith('http://h:1/app/#graph=')).toBe(true);
    expect(decodeShare(link.slice(link.indexOf('#')))).toEqual({ ok: true, file: composite(), problems: [] });
  });

  it('isJsonFile(file) accepts .json names and the JSON type', () => {
    expect(isJsonFile({ name: 'a.gradcanvas.json', type: '' })).toBe(true);
    expect(isJsonFile({ name: 'a', type: 'application/json' })).toBe(true);
    expect(isJsonFile({ name: 'a.png', type: 'image/png' })).toBe(false);
  });
});
