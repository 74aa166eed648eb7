import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { historySchema, MAX_HISTORY_LOSSES, MAX_HISTORY_TRAIL, openGraphText, serializeGraphFile } from '../../engine';
import { emptyDocument } from '../store/edits';
import { appendLosses, appendTrail, EMPTY_HISTORY, lastLoss, lossSeries, trailOf } from './runHistory';

describe('appendLosses', () => {
  it('appendLosses(3 epochs, then 2) keeps every epoch with its number, and the test loss beside it', () => {
    let h = appendLosses(EMPTY_HISTORY, [5, 4, 3]);
    h = appendLosses(h, [2, 1], [2.5, 1.5]);
    expect(h).toMatchObject({ epochs: 5, loss: [5, 4, 3, 2, 1], testLoss: [null, null, null, 2.5, 1.5] });
    expect(lossSeries(h).epochs).toEqual([1, 2, 3, 4, 5]);
    expect(historySchema.safeParse(h).success).toBe(true);
  });

  it('appendLosses(past 10,000 epochs) → every other point dropped, lossEvery 2, the latest epoch kept', () => {
    const all = Array.from({ length: MAX_HISTORY_LOSSES + 2 }, (_, i) => i + 1);
    const h = appendLosses(EMPTY_HISTORY, all);
    expect(h.lossEvery).toBe(2);
    expect(h.epochs).toBe(all.length);
    const s = lossSeries(h);
    expect(s.epochs.slice(0, 3)).toEqual([1, 3, 5]);
    expect(s.epochs.at(-1)).toBe(all.length);
    // Loss i + 1 was given for epoch i + 1, so each kept point names its own epoch.
    s.epochs.forEach((e, k) => expect(s.loss[k]).toBe(e));
    expect(h.loss.length).toBeLessThanOrEqual(MAX_HISTORY_LOSSES + 1);
  });

  it('appendLosses(any slices of any run) → valid by the schema, bounded, each point at its epoch, the latest last', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 9000 }), { minLength: 1, maxLength: 8 }), (slices) => {
        let h = EMPTY_HISTORY;
        let epoch = 0;
        for (const n of slices) {
          h = appendLosses(h, Array.from({ length: n }, (_, i) => epoch + i + 1));
          epoch += n;
        }
        expect(historySchema.safeParse(h).success).toBe(true);
        expect(h.loss.length).toBeLessThanOrEqual(MAX_HISTORY_LOSSES + 1);
        const s = lossSeries(h);
        s.epochs.forEach((e, k) => expect(s.loss[k]).toBe(e));
        expect(lastLoss(h)).toBe(epoch);
        expect(s.epochs.at(-1)).toBe(epoch);
      }),
      { numRuns: 40 },
    );
  });

  it('appendLosses(inf, nan) stores them as the file writes non-finite numbers', () => {
    const h = appendLosses(EMPTY_HISTORY, [Infinity, NaN]);
    expect(h.loss).toEqual(['Infinity', 'NaN']);
    expect(lossSeries(h).loss).toEqual([Infinity, NaN]);
  });
});

describe('appendTrail', () => {
  it('appendTrail(points) skips epochs already there and keeps at most 2,000, the first and the latest', () => {
    let h = appendTrail(EMPTY_HISTORY, [{ epoch: 1, params: { 'W.value': [1] } }]);
    h = appendTrail(h, [{ epoch: 1, params: { 'W.value': [9] } }, { epoch: 2, params: { 'W.value': [2] } }]);
    expect(trailOf(h)).toEqual([
      { epoch: 1, params: { 'W.value': [1] } },
      { epoch: 2, params: { 'W.value': [2] } },
    ]);
    const many = Array.from({ length: 3 * MAX_HISTORY_TRAIL }, (_, i) => ({ epoch: i + 3, params: { 'W.value': [i] } }));
    const big = appendTrail(h, many);
    expect(big.trail.length).toBeLessThanOrEqual(MAX_HISTORY_TRAIL);
    expect(big.trail[0].epoch).toBe(1);
    expect(big.trail.at(-1)?.epoch).toBe(3 * MAX_HISTORY_TRAIL + 2);
  });

  it('a document with a history → saved and opened again, it is the same', () => {
    let h = appendLosses(EMPTY_HISTORY, [3, 2, NaN], [4, 3, 2]);
    h = appendTrail(h, [{ epoch: 3, params: { 'lin.weight': [1.5, Infinity], 'lin.bias': [0.25] } }], [{ epoch: 3, state: { 'lin.weight': { momentumBuffer: [0.1, 0.2] } } }]);
    const doc = { ...emptyDocument(), history: h };
    const r = openGraphText(serializeGraphFile(doc));
    if (!r.ok) throw new Error(JSON.stringify(r.errors));
    expect(r.file.history).toEqual(h);
    expect(serializeGraphFile(r.file)).toBe(serializeGraphFile(doc));
  });

  it('a history whose losses do not match its epochs → refused at its path', () => {
    const doc = { ...emptyDocument(), history: { epochs: 4, loss: [1, 2], trail: [] } };
    const r = openGraphText(serializeGraphFile(doc));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors[0].path).toBe('history.loss');
  });
});
