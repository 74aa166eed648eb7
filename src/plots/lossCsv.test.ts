import { describe, expect, it } from 'vitest';
import { lossCsv } from './lossCsv';

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

