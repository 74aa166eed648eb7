import { readFileSync } from 'node:fs';
import { noticeText } from './noticeText';
import { describe, expect, it } from 'vitest';
import { loadGraphFile } from '../../engine';
import { EMPTY_DATASETS } from '../session/types';
import { decodeSession, encodeSession } from '../store/persistence';
import { openFileText, openNew } from './fileActions';
import { discardRecent, openRecent, rawFileName } from './recentActions';
import { listRecent, recentText, saveRecent } from './recentStorage';
import { testWorkspace } from './testWorkspace';

const text = readFileSync(new URL('../../public/examples/composite-function.json', import.meta.url), 'utf8');
const composite = () => {
  const r = loadGraphFile(text);
  if (!r.ok) throw new Error('example does not load');
  return r.file;
};

/** A CSV prepared in the Data panel and not bound. */
const draft = (name: string) => ({ name, dataset: { columns: ['a', 'b'], rows: [[1, 2]] }, roles: { a: 'feature' as const, b: 'target' as const }, textColumns: [] });

describe('recentActions', () => {
  it('openRecent(id) opens that document with its selection; it becomes first, and the one that was open stays', () => {
    const { ws, session, recent, memory } = testWorkspace({ id: 'work' });
    saveRecent(memory.storage, { id: 'older', name: 'Older', text: encodeSession({ doc: { ...composite(), name: 'Older' }, selection: ['square', 'ghost'], viewport: null }) }, 1);
    session.edit('rename', (d) => void (d.name = 'My work'));
    ws.flush();
    recent.getState().refresh();
    expect(openRecent(ws, 'older', 'en')).toBe(true);
    expect(session.state.history.present.name).toBe('Older');
    expect(session.state.selection).toEqual(['square']);
    expect(recent.getState().currentId).toBe('older');
    expect(listRecent(memory.storage).map((e) => e.id)).toEqual(['older', 'work']);
    expect(session.state.history.past.at(-1)?.label).toBe('open “Older” from Recent');
  });

  it('openRecent(id) → the Data panel and viewport saved with it; the draft of the document left stays in its own entry', () => {
    const { ws, session, recent, memory } = testWorkspace({ doc: composite(), id: 'work' });
    session.loadDraft(draft('mine'));
    session.setViewport({ x: 5, y: 6, zoom: 2 });
    ws.flush(true);
    const theirs = { ...EMPTY_DATASETS, draft: draft('theirs') };
    saveRecent(memory.storage, { id: 'older', name: 'Older', text: encodeSession({ doc: { ...composite(), name: 'Older' }, selection: [], viewport: { x: 1, y: 2, zoom: 3 }, datasets: theirs }) }, 1);
    recent.getState().refresh();
    expect(openRecent(ws, 'older', 'en')).toBe(true);
    expect(session.state.datasets.draft?.name).toBe('theirs');
    expect(session.state.viewport).toEqual({ x: 1, y: 2, zoom: 3 });
    ws.flush();
    const older = decodeSession(recentText(memory.storage, 'older') ?? '');
    expect(older.ok && older.session.datasets?.draft?.name).toBe('theirs');
    expect(openRecent(ws, 'work', 'en')).toBe(true);
    expect(session.state.datasets.draft?.name).toBe('mine');
    expect(session.state.viewport).toEqual({ x: 5, y: 6, zoom: 2 });
  });

  it('openNew(ws) over a document with a draft → the panel is empty, and the new entry is saved without the draft', () => {
    const { ws, session, recent, memory } = testWorkspace({ doc: composite(), id: 'work' });
    session.loadDraft(draft('mine'));
    openNew(ws, 'en');
    expect(session.state.datasets).toBe(EMPTY_DATASETS);
    const saved = decodeSession(recentText(memory.storage, recent.getState().currentId) ?? '');
    expect(saved.ok && saved.session.datasets?.draft).toBeNull();
    const work = decodeSession(recentText(memory.storage, 'work') ?? '');
    expect(work.ok && work.session.datasets?.draft?.name).toBe('mine');
  });

  it('openRecent(a damaged entry) marks it damaged, changes nothing and keeps its text as it is', () => {
    const { ws, session, recent, memory } = testWorkspace({ doc: composite(), id: 'work' });
    ws.flush(true);
    saveRecent(memory.storage, { id: 'bad', name: 'Broken', text: '{"file": "{cut' }, 2);
    recent.getState().refresh();
    const before = session.state.history;
    expect(openRecent(ws, 'bad', 'en')).toBe(false);
    expect(session.state.history).toBe(before);
    expect(recent.getState().currentId).toBe('work');
    expect(noticeText('en', session.state.notice)).toMatchObject({ kind: 'error', text: '“Broken” could not be opened; it stays in Recent, marked damaged, and the open graph is unchanged:' });
    expect(listRecent(memory.storage).find((e) => e.id === 'bad')).toMatchObject({ damaged: true });
    // Later saves of the open document never touch it.
    openFileText(ws, text, 'c.json', 'en');
    expect(recentText(memory.storage, 'bad')).toBe('{"file": "{cut');
  });

  it('discardRecent(id) removes an entry and its text, never the open document', () => {
    const { ws, session, recent, memory } = testWorkspace({ doc: composite(), id: 'work' });
    ws.flush(true);
    saveRecent(memory.storage, { id: 'bad', name: 'Broken', text: '{cut' }, 2);
    recent.getState().refresh();
    discardRecent(ws, 'work');
    discardRecent(ws, 'bad');
    expect(listRecent(memory.storage).map((e) => e.id)).toEqual(['work']);
    expect(recentText(memory.storage, 'bad')).toBeNull();
    expect(noticeText('en', session.state.notice)).toEqual({ kind: 'info', text: 'Discarded “Broken” from Recent.' });
  });

  it('rawFileName(entry) names the download after the document, as plain text', () => {
    expect(rawFileName({ name: 'My work' })).toBe('my-work.raw.txt');
    expect(rawFileName({ name: null })).toBe('graph.raw.txt');
  });
});
