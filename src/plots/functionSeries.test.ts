import { describe, expect, it } from 'vitest';
import { defaultNode, functionPoints, nodesAlong, oneDInputs } from './functionSeries';
import { compiled, compositeDoc } from './testGraphs';

describe('functionSeries', () => {
  it('oneDInputs and nodesAlong find x and the nodes with one value per x', () => {
    const p = compiled(compositeDoc());
    expect(oneDInputs(p).map((o) => o.id)).toEqual(['x']);
    expect(nodesAlong(p, 'x').map((o) => o.id)).toEqual(['square', 'scale', 'y']);
  });
  it('defaultNode picks y, else the last node along x', () => {
    const opts = [{ id: 'a', size: 3 }, { id: 'b', size: 3 }];
    expect(defaultNode(opts, {})).toBe('b');
    expect(defaultNode(opts, { a: 'y' })).toBe('a');
    expect(defaultNode([], {})).toBeUndefined();
  });
  it('functionPoints(x, y, x.grad) gives y = 2x² + 2 and, after backward, x.grad = 4x', () => {
    const p = compiled(compositeDoc());
    const before = functionPoints(p, 'x', 'y', 'x', false);
    expect(before).toHaveLength(17);
    expect(before.every((q) => q.y === 2 * q.x * q.x + 2 && q.g === null)).toBe(true);
    p.backward();
    const after = functionPoints(p, 'x', 'y', 'x', true);
    expect(after.map((q) => q.g)).toEqual(after.map((q) => 4 * q.x));
  });
});
