import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadGraphFile } from '../engine/format/load';
import { createEditorStore } from './store/editorStore';
import { createRunStore } from './store/runStore';
import { installTestHook, readSnapshot, type TestHook } from './testHook';

const xs = Array.from({ length: 17 }, (_, i) => -2 + 0.25 * i);

function setup() {
  const r = loadGraphFile(readFileSync(new URL('../public/examples/composite-function.json', import.meta.url), 'utf8'));
  if (!r.ok) throw new Error('example does not load');
  const editor = createEditorStore(r.file, ['x'], { x: 1, y: 2, zoom: 1 });
  const run = createRunStore();
  run.getState().sync(r.file);
  const target: { gradcanvas?: TestHook } = {};
  installTestHook(target, () => readSnapshot(editor.getState(), run.getState(), 'en'));
  return { editor, run, hook: target.gradcanvas!, target, file: r.file };
}

describe('readSnapshot', () => {
  it('snapshot() has the document as the file format writes it, and every node evaluated', () => {
    const { hook, file } = setup();
    const s = hook.snapshot();
    expect(s.document).toEqual(JSON.parse(JSON.stringify(file)));
    expect(s.nodes.z).toEqual({ shape: [], value: [85], grad: null });
    expect(s.nodes.x.value).toEqual(xs);
    expect(s).toMatchObject({ selection: ['x'], viewport: { x: 1, y: 2, zoom: 1 }, backwardCount: 0, lang: 'en', problems: [], lossHistory: [] });
  });

  it('snapshot() after backward shows x.grad = 4x and the count', () => {
    const { hook, run } = setup();
    run.getState().backward('z');
    const s = hook.snapshot();
    expect(s.nodes.x.grad).toEqual(xs.map((x) => 4 * x));
    expect(s.nodes.z.grad).toEqual([1]);
    expect(s.backwardCount).toBe(1);
    run.getState().zeroGrad();
    expect(hook.snapshot().nodes.x.grad).toEqual(xs.map(() => 0));
  });

  it('snapshot() lists undo and redo labels', () => {
    const { hook, editor } = setup();
    editor.getState().edit('move x', (d) => void (d.nodes[0].position.x = 5));
    editor.getState().edit('move z', (d) => void (d.nodes[4].position.x = 5));
    editor.getState().undo();
    expect(hook.snapshot().history).toEqual({ undo: ['move x'], redo: ['move z'] });
  });
});

describe('installTestHook', () => {
  it('installTestHook(target).snapshot() returns fresh copies that cannot change the stores', () => {
    const { hook, editor, run } = setup();
    const a = hook.snapshot();
    a.nodes.x.value[0] = 99;
    a.document.nodes.length = 0;
    a.selection.push('z');
    const b = hook.snapshot();
    expect(b.nodes.x.value[0]).toBe(-2);
    expect(b.document.nodes).toHaveLength(5);
    expect(editor.getState().selection).toEqual(['x']);
    expect(run.getState().program!.slot('x').value[0]).toBe(-2);
    expect(a).not.toBe(b);
  });

  it('installTestHook(target) cannot be overwritten or given new methods', () => {
    const { hook, target } = setup();
    expect(() => {
      target.gradcanvas = undefined;
    }).toThrow(TypeError);
    expect(Object.isFrozen(hook)).toBe(true);
    expect(target.gradcanvas).toBe(hook);
  });
});
