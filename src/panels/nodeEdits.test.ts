import { produce } from 'immer';
import { describe, expect, it } from 'vitest';
import type { FileNode, GraphFile } from '../../engine';
import { emptyDocument } from '../store/edits';
import { effectiveInit, initOfType, reinitialise, setAttr, setInitField, setLabel, setLoss } from './nodeEdits';

const linear = (): FileNode => ({
  id: 'lin',
  op: 'linear',
  position: { x: 0, y: 0 },
  attrs: { inFeatures: 2, outFeatures: 1 },
  init: { type: 'default', seed: 0 },
  params: { weight: { shape: [1, 2], data: [1, 2] }, bias: { shape: [1], data: [3] } },
});

describe('nodeEdits', () => {
  it('setAttr writes the attribute', () => {
    const n: FileNode = { id: 's', op: 'scale', position: { x: 0, y: 0 } };
    setAttr(n, 'k', 2);
    expect(n.attrs).toEqual({ k: 2 });
  });

  it('setAttr(inFeatures) drops both weight and bias, so both start again from the initialiser', () => {
    const n = linear();
    setAttr(n, 'inFeatures', 3);
    expect(n.params).toBeUndefined();
  });

  it('setAttr(inFeatures) to the same value keeps the trained weight and bias', () => {
    const n = linear();
    setAttr(n, 'inFeatures', 2);
    expect(n.params).toEqual(linear().params);
  });

  it('setAttr(outFeatures) drops both weight and bias', () => {
    const n = linear();
    setAttr(n, 'outFeatures', 2);
    expect(n.params).toBeUndefined();
  });

  it('setAttr works on an immer draft, as edit runs it', () => {
    const doc: GraphFile = { ...emptyDocument(), nodes: [linear()] };
    const next = produce(doc, (d) => setAttr(d.nodes[0] as FileNode, 'inFeatures', 1));
    expect(next.nodes[0].attrs).toEqual({ inFeatures: 1, outFeatures: 1 });
    expect(next.nodes[0].params).toBeUndefined();
    expect(doc.nodes[0].params?.weight).toBeDefined();
  });

  it('setLabel removes an empty label', () => {
    const n: FileNode = { id: 'x', op: 'input', position: { x: 0, y: 0 }, label: 'x' };
    setLabel(n, 'inputs');
    expect(n.label).toBe('inputs');
    setLabel(n, '  ');
    expect('label' in n).toBe(false);
  });

  it('setLoss marks and unmarks only this node', () => {
    const doc = emptyDocument();
    setLoss(doc, 'z', true);
    expect(doc.loss).toBe('z');
    setLoss(doc, 'y', false);
    expect(doc.loss).toBe('z');
    setLoss(doc, 'z', false);
    expect(doc.loss).toBeNull();
  });

  it('initOfType keeps the seed across kinds', () => {
    expect(initOfType('uniform', { type: 'normal', mean: 0, std: 1, seed: 7 })).toEqual({ type: 'uniform', low: -1, high: 1, seed: 7 });
    expect(initOfType('constant', { type: 'default', seed: 7 })).toEqual({ type: 'constant', value: 0 });
    expect(initOfType('default', undefined)).toEqual({ type: 'default', seed: 0 });
  });

  it('effectiveInit is what the engine uses when a node names none', () => {
    expect(effectiveInit({ id: 'p', op: 'parameter', position: { x: 0, y: 0 } })).toEqual({ type: 'constant', value: 0 });
    expect(effectiveInit({ id: 'l', op: 'linear', position: { x: 0, y: 0 } })).toEqual({ type: 'default', seed: 0 });
  });

  it('setInitField changes one field and ignores fields the kind does not have', () => {
    const n: FileNode = { id: 'p', op: 'parameter', position: { x: 0, y: 0 }, init: { type: 'uniform', low: -1, high: 1, seed: 0 } };
    setInitField(n, 'high', 2);
    setInitField(n, 'std', 5);
    expect(n.init).toEqual({ type: 'uniform', low: -1, high: 2, seed: 0 });
  });

  it('reinitialise removes the stored values', () => {
    const n = linear();
    reinitialise(n);
    expect(n.params).toBeUndefined();
  });
});
