import { describe, expect, it } from 'vitest';
import { compile, type FileNode, fileToGraph, type GraphFile } from '../../engine';
import { emptyDocument } from '../store/edits';
import { leafValueTarget, opParamTarget, parameterShape, parameterTarget, setColumns, setParameterShape, setSource, targetSizeError } from './tensorTargets';

const at = { x: 0, y: 0 };
const docWith = (...nodes: FileNode[]): GraphFile => ({ ...emptyDocument(), nodes });

describe('tensorTargets', () => {
  it('leafValueTarget reads and writes an input literal; setShape keeps the leading values', () => {
    const n: FileNode = { id: 'x', op: 'input', position: at, value: { type: 'tensor', shape: [3], data: [1, 2, 3] } };
    expect(leafValueTarget.read(n)).toEqual({ shape: [3], data: [1, 2, 3] });
    leafValueTarget.setShape?.(n, [2, 2]);
    expect(n.value).toEqual({ type: 'tensor', shape: [2, 2], data: [1, 2, 3, 0] });
    leafValueTarget.write(n, { shape: [], data: [5] });
    expect(n.value).toEqual({ type: 'tensor', shape: [], data: [5] });
  });

  it('leafValueTarget reads nothing from a range', () => {
    expect(leafValueTarget.read({ id: 'x', op: 'input', position: at, value: { type: 'arange', start: 0, end: 3, step: 1 } })).toBeNull();
  });

  it('parameterTarget reads the initialiser values the engine uses until values are stored', () => {
    const n: FileNode = { id: 'w', op: 'parameter', position: at, shape: [3], init: { type: 'uniform', low: -1, high: 1, seed: 5 } };
    const program = compile(fileToGraph(docWith(n))).program;
    expect(parameterTarget.read(n)?.data).toEqual(Array.from(program?.value('w').data ?? []));
  });

  it('parameterTarget.write stores params.value and the shape', () => {
    const n: FileNode = { id: 'w', op: 'parameter', position: at, shape: [], init: { type: 'constant', value: 0 } };
    parameterTarget.write(n, { shape: [2], data: [1, 2] });
    expect(n.shape).toEqual([2]);
    expect(n.params).toEqual({ value: { shape: [2], data: [1, 2] } });
    expect(parameterShape(n)).toEqual([2]);
  });

  it('setParameterShape keeps stored values and fills new places from the initialiser', () => {
    const n: FileNode = { id: 'w', op: 'parameter', position: at, shape: [2], init: { type: 'constant', value: 9 }, params: { value: { shape: [2], data: [1, 2] } } };
    setParameterShape(n, [3]);
    expect(n.params?.value).toEqual({ shape: [3], data: [1, 2, 9] });
    expect(compile(fileToGraph(docWith(n))).problems.filter((p) => p.severity === 'error')).toEqual([]);
  });

  it("opParamTarget('weight') reads the same initial values the engine draws, with shape [out, in]", () => {
    const n: FileNode = { id: 'lin', op: 'linear', position: at, attrs: { inFeatures: 2, outFeatures: 3 }, init: { type: 'default', seed: 4 } };
    const x: FileNode = { id: 'x', op: 'input', position: at, value: { type: 'tensor', shape: [1, 2], data: [1, 1] } };
    const doc = { ...docWith(x, n), edges: [{ source: 'x', target: 'lin', targetPort: 'x' }] };
    const program = compile(fileToGraph(doc)).program;
    for (const name of ['weight', 'bias']) {
      const p = program?.params.find((q) => q.node === 'lin' && q.name === name);
      const read = opParamTarget(name).read(n);
      expect(read?.shape).toEqual(p?.shape);
      expect(read?.data).toEqual(Array.from(p?.value ?? []));
    }
  });

  it('parameterTarget.read(shape [50000000]) is null and names the limit, without allocating or throwing', () => {
    const n: FileNode = { id: 'w', op: 'parameter', position: at, shape: [50_000_000], init: { type: 'normal', mean: 0, std: 1, seed: 0 } };
    expect(parameterTarget.read(n)).toBeNull();
    expect(parameterTarget.shapeOf(n)).toEqual([50_000_000]);
    expect(targetSizeError(parameterTarget, n)).toMatchObject({ code: 'too_large', count: '50,000,000' });
  });

  it("opParamTarget('weight').read(linear 100000 × 100000) is null and the weight's size error names 10,000,000,000 elements", () => {
    const n: FileNode = { id: 'lin', op: 'linear', position: at, attrs: { inFeatures: 100_000, outFeatures: 100_000 } };
    expect(opParamTarget('weight').read(n)).toBeNull();
    expect(targetSizeError(opParamTarget('weight'), n)).toEqual({ code: 'too_large', shape: '[100000, 100000]', count: '10,000,000,000', limit: '4,000,000' });
    // The bias [100000] is within the engine's limit and the table's.
    expect(opParamTarget('bias').read(n)?.data).toHaveLength(100_000);
    expect(targetSizeError(opParamTarget('bias'), n)).toBeNull();
  });

  it('setParameterShape(a shape over the limit) is refused and leaves the node as it was', () => {
    const n: FileNode = { id: 'w', op: 'parameter', position: at, shape: [2], init: { type: 'constant', value: 9 }, params: { value: { shape: [2], data: [1, 2] } } };
    expect(setParameterShape(n, [50_000_000])).toBe(false);
    expect(n.shape).toEqual([2]);
    expect(n.params?.value).toEqual({ shape: [2], data: [1, 2] });
    parameterTarget.setShape?.(n, [100_000, 100_000]);
    expect(n.shape).toEqual([2]);
  });

  it('leafValueTarget.setShape(a shape over the limit) leaves the value as it was', () => {
    const n: FileNode = { id: 'x', op: 'input', position: at, value: { type: 'tensor', shape: [3], data: [1, 2, 3] } };
    leafValueTarget.setShape?.(n, [100_000, 100_000]);
    expect(n.value).toEqual({ type: 'tensor', shape: [3], data: [1, 2, 3] });
  });

  it("opParamTarget('bias').write stores only the bias", () => {
    const n: FileNode = { id: 'lin', op: 'linear', position: at, attrs: { inFeatures: 1, outFeatures: 1 } };
    opParamTarget('bias').write(n, { shape: [1], data: [0.5] });
    expect(n.params).toEqual({ bias: { shape: [1], data: [0.5] } });
  });

  it("setSource('tensor') turns a range into the tensor it makes", () => {
    const n: FileNode = { id: 'x', op: 'input', position: at, value: { type: 'arange', start: 0, end: 2, step: 0.5 } };
    expect(setSource(n, 'tensor', docWith(n))).toBe(true);
    expect(n.value).toEqual({ type: 'tensor', shape: [4], data: [0, 0.5, 1, 1.5] });
  });

  it("setSource('columns') binds the first column of the first dataset, and is refused without datasets", () => {
    const n: FileNode = { id: 'x', op: 'input', position: at, value: { type: 'tensor', shape: [], data: [0] } };
    expect(setSource(n, 'columns', docWith(n))).toBe(false);
    expect(n.value?.type).toBe('tensor');
    const doc = { ...docWith(n), datasets: { hw: { columns: ['height', 'weight'], rows: [[1, 2]] } } };
    expect(setSource(n, 'columns', doc)).toBe(true);
    expect(n.value).toEqual({ type: 'columns', dataset: 'hw', columns: ['height'] });
  });

  it('setColumns keeps vector only with a single column and refuses no columns', () => {
    const n: FileNode = { id: 'x', op: 'input', position: at };
    setColumns(n, 'hw', ['height'], true);
    expect(n.value).toEqual({ type: 'columns', dataset: 'hw', columns: ['height'], vector: true });
    setColumns(n, 'hw', ['height', 'weight'], true);
    expect(n.value).toEqual({ type: 'columns', dataset: 'hw', columns: ['height', 'weight'] });
    setColumns(n, 'hw', [], false);
    expect(n.value).toEqual({ type: 'columns', dataset: 'hw', columns: ['height', 'weight'] });
  });
});
