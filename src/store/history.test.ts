import { describe, expect, it } from 'vitest';
import { type History, record, redo, undo } from './history';

const start: History<{ n: number; list: string[] }> = { present: { n: 0, list: [] }, past: [], future: [] };

describe('history', () => {
  it('record then undo then redo returns to each state', () => {
    const a = record(start, 'inc', (d) => void (d.n += 1));
    const b = record(a, 'push', (d) => void d.list.push('x'));
    expect(b.present).toEqual({ n: 1, list: ['x'] });
    expect(undo(b).present).toEqual({ n: 1, list: [] });
    expect(undo(undo(b)).present).toEqual({ n: 0, list: [] });
    expect(redo(undo(undo(b))).present).toEqual({ n: 1, list: [] });
    expect(redo(redo(undo(undo(b)))).present).toEqual(b.present);
  });

  it('edits with the same merge key undo as one step', () => {
    let h = start;
    for (let i = 0; i < 5; i++) h = record(h, 'drag', (d) => void (d.n = i + 1), 'drag:a');
    expect(h.past).toHaveLength(1);
    expect(undo(h).present.n).toBe(0);
  });

  it('an edit that changes nothing is not recorded, and a new edit clears redo', () => {
    expect(record(start, 'nothing', () => {})).toBe(start);
    const h = undo(record(start, 'inc', (d) => void (d.n += 1)));
    expect(h.future).toHaveLength(1);
    expect(record(h, 'other', (d) => void (d.n = 5)).future).toHaveLength(0);
  });

  it('record(same merge key) 1,000 times → one entry of two root patches; undo returns the document before the first, redo the last', () => {
    let h: History<{ n: number; list: string[] }> = { present: { n: 0, list: ['a'] }, past: [], future: [] };
    const before = h.present;
    for (let i = 0; i < 1000; i++) h = record(h, 'train', (d) => void (d.n = i + 1), 'run');
    expect(h.past).toHaveLength(1);
    const entry = h.past[0];
    expect(entry.patches).toHaveLength(1);
    expect(entry.inverse).toHaveLength(1);
    expect(entry.patches[0]).toMatchObject({ op: 'replace', path: [] });
    const last = h.present;
    const undone = undo(h);
    expect(undone.present).toEqual(before);
    expect(redo(undone).present).toBe(last);
  });
});
