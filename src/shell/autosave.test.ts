import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { noticeText } from './noticeText';
import { Session } from '../session/Session';
import { createNode } from '../store/edits';
import { decodeSession, encodeSession } from '../store/persistence';
import { AUTOSAVE_DELAY_MS, startAutosave } from './autosave';
import { createRecentStore } from './recentStore';
import { listRecent, markRecentDamaged, recentText, saveRecent } from './recentStorage';
import { MemoryStorage } from './testStorage';

const setup = (memory = new MemoryStorage()) => {
  const session = new Session();
  const recent = createRecentStore(memory.storage, [], 'doc');
  return { session, recent, memory };
};

const addSquare = (session: Session, id = 'square') => session.edit('add square', (d) => void d.nodes.push(createNode('square', id, { x: 0, y: 0 })));

describe('startAutosave', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('startAutosave(ws) saves the graph, selection and viewport to the open document’s entry once, after the edits settle', () => {
    const { session, recent, memory } = setup();
    startAutosave({ session, recent });
    addSquare(session);
    session.select(['square']);
    session.setViewport({ x: 5, y: 6, zoom: 2 });
    expect(memory.writes).toBe(0);
    vi.advanceTimersByTime(AUTOSAVE_DELAY_MS);
    const r = decodeSession(recentText(memory.storage, 'doc') ?? '');
    expect(r.ok && r.session).toMatchObject({ selection: ['square'], viewport: { x: 5, y: 6, zoom: 2 } });
    expect(r.ok && r.session.doc.nodes.map((n) => n.id)).toEqual(['square']);
    expect(recent.getState().entries.map((e) => e.id)).toEqual(['doc']);
  });

  it('startAutosave(ws).flush() writes a pending change at once, nothing when none is pending, and everything when forced', () => {
    const { session, recent, memory } = setup();
    const autosave = startAutosave({ session, recent });
    autosave.flush();
    expect(memory.writes).toBe(0);
    session.select(['a']);
    autosave.flush();
    expect(memory.writes).toBe(2);
    autosave.flush(true);
    expect(memory.writes).toBe(4);
  });

  it('startAutosave(ws, {dirty}) saves without waiting for a change', () => {
    const { session, recent, memory } = setup();
    startAutosave({ session, recent }, { dirty: true });
    vi.advanceTimersByTime(AUTOSAVE_DELAY_MS);
    expect(listRecent(memory.storage).map((e) => e.id)).toEqual(['doc']);
  });

  it('startAutosave(storage full) drops the oldest documents from Recent and names them in the notice', () => {
    const text = encodeSession({ doc: setup().session.state.history.present, selection: [], viewport: null });
    const memory = new MemoryStorage();
    saveRecent(memory.storage, { id: 'oldest', name: 'Oldest', text }, 1);
    saveRecent(memory.storage, { id: 'older', name: 'Older', text }, 2);
    // Room for about one more document the size of these two, not for the larger one about to be saved.
    memory.quota = memory.used() + text.length + 200;
    const { session, recent } = setup(memory);
    startAutosave({ session, recent });
    for (let i = 0; i < 2; i++) addSquare(session, `s${i}`);
    vi.advanceTimersByTime(AUTOSAVE_DELAY_MS);
    expect(noticeText('en', session.state.notice)).toEqual({ kind: 'info', text: 'The browser’s storage was full, so the oldest documents left Recent: “Oldest”.' });
    expect(listRecent(memory.storage).map((e) => e.id)).toEqual(['doc', 'older']);
  });

  it('startAutosave(storage too full) says so once in plain words, keeps the document open and damaged entries stored', () => {
    const memory = new MemoryStorage(700);
    saveRecent(memory.storage, { id: 'broken', name: 'Broken', text: '{cut' }, 1);
    markRecentDamaged(memory.storage, 'broken');
    const { session, recent } = setup(memory);
    startAutosave({ session, recent });
    for (let i = 0; i < 10; i++) addSquare(session, `s${i}`);
    vi.advanceTimersByTime(AUTOSAVE_DELAY_MS);
    expect(noticeText('en', session.state.notice)).toMatchObject({ kind: 'error', text: expect.stringContaining('1 damaged documents in Recent take space') });
    session.notify(null);
    addSquare(session, 'more');
    vi.advanceTimersByTime(AUTOSAVE_DELAY_MS);
    expect(noticeText('en', session.state.notice), 'the same failure is not repeated after every edit').toBeNull();
    expect(recentText(memory.storage, 'broken')).toBe('{cut');
    expect(session.state.history.present.nodes).toHaveLength(11);
  });

  it('startAutosave(unavailable storage) reports it without the browser’s raw error text in the message', () => {
    const { session, recent } = setup();
    const refusing = { getItem: () => null, setItem: () => { throw new DOMException('The operation is insecure.', 'SecurityError'); }, removeItem: () => undefined, length: 0, key: () => null };
    recent.setState({ storage: refusing as unknown as Storage });
    startAutosave({ session, recent }, { dirty: true });
    vi.advanceTimersByTime(AUTOSAVE_DELAY_MS);
    expect(noticeText('en', session.state.notice)).toEqual({
      kind: 'error',
      text: 'Autosave failed: the browser did not let GradCanvas store this document. It stays open; export it to keep a copy.',
      technical: 'SecurityError: The operation is insecure.',
    });
  });

  it('startAutosave(ws) saves the Data panel’s draft beside the document, so a reload keeps a CSV not yet bound', () => {
    const { session, recent, memory } = setup();
    startAutosave({ session, recent });
    session.loadDraft({ name: 'd', dataset: { columns: ['x', 'y'], rows: [[1, 2]] }, roles: { x: 'feature', y: 'target' }, textColumns: [] });
    vi.advanceTimersByTime(AUTOSAVE_DELAY_MS);
    const r = decodeSession(recentText(memory.storage, 'doc') ?? '');
    expect(r.ok && r.session.datasets?.draft?.name).toBe('d');
  });
});
