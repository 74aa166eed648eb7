import { describe, expect, it } from 'vitest';
import { lossCsv } from './lossCsv';
import { lossPoints } from './lossSeries';

describe('lossCsv', () => {
  it('lossCsv(train) writes a header and one epoch,loss line per epoch from 1', () => {
    expect(lossCsv([3, 2.5, 0.125])).toBe('epoch,loss\n1,3\n2,2.5\n3,0.125\n');
  });
  it('lossCsv(train, test) adds a test_loss column', () => {
    expect(lossCsv([3, 2], [4, 3.5])).toBe('epoch,loss,test_loss\n1,3,4\n2,2,3.5\n');
  });
  it('lossCsv writes inf and nan as words and an empty history as the header alone', () => {
    expect(lossCsv([1, Infinity, NaN])).toBe('epoch,loss\n1,1\n2,inf\n3,nan\n');
    expect(lossCsv([])).toBe('epoch,loss\n');
  });
});

describe('lossPoints', () => {
  it('lossPoints(history, log) leaves out values a log axis cannot show', () => {
    expect(lossPoints([1, 0, NaN, 0.5], 'log')).toEqual([
      { epoch: 1, loss: 1 },
      { epoch: 4, loss: 0.5 },
    ]);
  });
  it('lossPoints thins a long history and keeps the last epoch', () => {
    const pts = lossPoints(Array.from({ length: 5001 }, (_, i) => 1 / (i + 1)), 'linear', 1000);
    expect(pts.length).toBeLessThanOrEqual(1001);
    expect(pts[0].epoch).toBe(1);
    expect(pts[pts.length - 1].epoch).toBe(5001);
  });
});
