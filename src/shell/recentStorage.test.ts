import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadGraphFile } from '../../engine';
import { encodeSession, LEGACY_AUTOSAVE_KEY } from '../store/persistence';
import {
  discardRecent,
  inspectRecent,
  listRecent,
  markRecentDamaged,
  migrateLegacy,
  RECENT_INDEX_KEY,
  RECENT_LIMIT,
  recentDocKey,
  recentText,
  saveRecent,
  StorageFullError,
} from './recentStorage';
import { MemoryStorage } from './testStorage';

const composite = () => {
  const r = loadGraphFile(readFileSync(new URL('../../public/examples/composite-function.json', import.meta.url), 'utf8'));
  if (!r.ok) throw new Error('example does not load');
  return r.file;
};

/** The stored text of a document named `name`. */
const textOf = (name: string) => encodeSession({ doc: { ...composite(), name }, selection: [], viewport: null });

const save = (storage: Storage, id: string, now: number, text = textOf(id)) => saveRecent(storage, { id, name: id, text }, now);

describe('Recent storage', () => {
  it('saveRecent puts the saved document first and keeps the others in order of use', () => {
    const m = new MemoryStorage();
    save(m.storage, 'a', 1);
    save(m.storage, 'b', 2);
    save(m.storage, 'c', 3);
    save(m.storage, 'a', 4);
    expect(listRecent(m.storage).map((e) => [e.id, e.savedAt])).toEqual([
      ['a', 4],
      ['c', 3],
      ['b', 2],
    ]);
    expect(recentText(m.storage, 'b')).toBe(textOf('b'));
  });

  it(`saveRecent keeps the last ${RECENT_LIMIT}: the oldest leaves with its text, damaged ones stay beyond the cap`, () => {
    const m = new MemoryStorage();
    save(m.storage, 'broken', 0, '{cut');
    markRecentDamaged(m.storage, 'broken');
    for (let i = 1; i <= RECENT_LIMIT + 2; i++) save(m.storage, `d${i}`, i);
    const ids = listRecent(m.storage).map((e) => e.id);
    expect(ids).toEqual(['d12', 'd11', 'd10', 'd9', 'd8', 'd7', 'd6', 'd5', 'd4', 'broken']);
    expect(recentText(m.storage, 'd1')).toBeNull();
    expect(recentText(m.storage, 'd3')).toBeNull();
    expect(recentText(m.storage, 'broken')).toBe('{cut');
  });

  it('saveRecent(storage full) drops the oldest healthy documents other than this one, never a damaged one', () => {
    const doc = textOf('x');
    // Room for the index and about three documents.
    const m = new MemoryStorage(doc.length * 3 + 600);
    save(m.storage, 'broken', 0, `{cut${' '.repeat(doc.length - 4)}`);
    markRecentDamaged(m.storage, 'broken');
    save(m.storage, 'old', 1);
    const outcome = save(m.storage, 'new', 2);
    expect(outcome.droppedForSpace.map((e) => e.id)).toEqual([]);
    const next = save(m.storage, 'newer', 3);
    expect(next.droppedForSpace.map((e) => e.id)).toEqual(['old']);
    expect(listRecent(m.storage).map((e) => e.id)).toEqual(['newer', 'new', 'broken']);
    expect(recentText(m.storage, 'old')).toBeNull();
    expect(recentText(m.storage, 'broken')).toMatch(/^\{cut/);
  });

  it('saveRecent(a document that cannot fit at all) throws StorageFullError and changes nothing', () => {
    const m = new MemoryStorage(textOf('x').length * 2 + 400);
    save(m.storage, 'a', 1);
    markRecentDamaged(m.storage, 'a');
    save(m.storage, 'b', 2);
    const before = m.dump();
    expect(() => save(m.storage, 'huge', 3, 'x'.repeat(10_000))).toThrow(StorageFullError);
    expect(m.dump()).toEqual(before);
    try {
      save(m.storage, 'huge', 3, 'x'.repeat(10_000));
    } catch (e) {
      expect((e as StorageFullError).damagedCount).toBe(1);
    }
  });

  it('a corrupt entry is kept exactly as stored: inspectRecent marks it damaged, saving others never touches it', () => {
    const m = new MemoryStorage();
    save(m.storage, 'good', 1);
    m.storage.setItem(recentDocKey('bad'), '{"file": "{not json');
    m.storage.setItem(RECENT_INDEX_KEY, JSON.stringify({ version: 2, entries: [...listRecent(m.storage), { id: 'bad', name: 'Bad', savedAt: 0 }, { id: 'gone', name: 'Gone', savedAt: 0 }] }));
    const entries = inspectRecent(m.storage);
    expect(entries.map((e) => [e.id, e.damaged ?? false])).toEqual([
      ['good', false],
      ['bad', true],
    ]);
    for (let i = 0; i < 20; i++) save(m.storage, `n${i}`, 10 + i);
    expect(recentText(m.storage, 'bad')).toBe('{"file": "{not json');
    expect(listRecent(m.storage).find((e) => e.id === 'bad')).toMatchObject({ damaged: true, name: 'Bad' });
    expect(discardRecent(m.storage, 'bad').some((e) => e.id === 'bad')).toBe(false);
    expect(recentText(m.storage, 'bad')).toBeNull();
  });

  it('an unreadable index is rebuilt from the documents themselves, so none is lost', () => {
    const m = new MemoryStorage();
    save(m.storage, 'a', 1);
    save(m.storage, 'b', 2);
    m.storage.setItem(RECENT_INDEX_KEY, '{"version": 2, "entr');
    expect(listRecent(m.storage).map((e) => [e.id, e.name])).toEqual([
      ['a', 'a'],
      ['b', 'b'],
    ]);
  });
});

describe('migrateLegacy', () => {
  it('migrateLegacy moves the old autosave into Recent, first, and removes the old key only then', () => {
    const m = new MemoryStorage();
    save(m.storage, 'other', 1);
    const legacy = textOf('Old work');
    m.storage.setItem(LEGACY_AUTOSAVE_KEY, legacy);
    const r = migrateLegacy(m.storage, 5, 'moved');
    expect(r).toEqual({ kind: 'migrated', entry: { id: 'moved', name: 'Old work', savedAt: 5 } });
    expect(listRecent(m.storage).map((e) => e.id)).toEqual(['moved', 'other']);
    expect(recentText(m.storage, 'moved')).toBe(legacy);
    expect(m.storage.getItem(LEGACY_AUTOSAVE_KEY)).toBeNull();
    expect(migrateLegacy(m.storage, 6, 'again')).toEqual({ kind: 'none' });
  });

  it('migrateLegacy(corrupt old autosave) keeps its text as it is, as a damaged entry', () => {
    const m = new MemoryStorage();
    m.storage.setItem(LEGACY_AUTOSAVE_KEY, '{"file": "{not json');
    expect(migrateLegacy(m.storage, 5, 'moved')).toMatchObject({ kind: 'migrated', entry: { id: 'moved', damaged: true } });
    expect(recentText(m.storage, 'moved')).toBe('{"file": "{not json');
  });

  it('migrateLegacy after an interrupted migration recognises the copy instead of duplicating it', () => {
    const m = new MemoryStorage();
    const legacy = textOf('Old work');
    save(m.storage, 'copied', 1, legacy);
    m.storage.setItem(LEGACY_AUTOSAVE_KEY, legacy);
    expect(migrateLegacy(m.storage, 5, 'moved')).toMatchObject({ kind: 'migrated', entry: { id: 'copied' } });
    expect(listRecent(m.storage).map((e) => e.id)).toEqual(['copied']);
    expect(m.storage.getItem(LEGACY_AUTOSAVE_KEY)).toBeNull();
  });

  it('migrateLegacy(storage full) keeps the old key and hands back its text', () => {
    const legacy = textOf('Old work');
    const m = new MemoryStorage(legacy.length + LEGACY_AUTOSAVE_KEY.length + 10);
    m.storage.setItem(LEGACY_AUTOSAVE_KEY, legacy);
    expect(migrateLegacy(m.storage, 5, 'moved')).toEqual({ kind: 'failed', text: legacy });
    expect(m.dump()).toEqual({ [LEGACY_AUTOSAVE_KEY]: legacy });
  });
});
