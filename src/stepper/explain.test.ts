import { describe, expect, it } from 'vitest';
import { plainMath, type TraceEvent } from '../../engine';
import { translate } from '../i18n/useT';
import { Session } from '../session/Session';
import type { FollowedElement } from '../session/types';
import { correspondingIndex, elementName } from './element';
import { type ExplainLine, explain, factor, focusOf, mathNumber, ruleOf } from './explain';
import { example, reusedParameter } from './testGraphs';

/** x = arange(-2, 2.1, 0.25) of the composite-function example. */
const XS = Array.from({ length: 17 }, (_, i) => -2 + 0.25 * i);

/** The explanation at the event `cursorOf` picks, after one stepped training step, following `followed`. */
function at(doc: ReturnType<typeof example>, cursorOf: (events: readonly TraceEvent[]) => number, followed: FollowedElement | null = null) {
  const s = new Session({ doc });
  s.stepTrainingStep();
  const { events } = s.state.stepper;
  return explain({ events, cursor: cursorOf(events), doc, lr: doc.training.optimizer.lr, optimizer: doc.training.optimizer, followed });
}

/** A line's numbers on one line, as a screen reader and the tests read them. */
const plain = (l: ExplainLine) => plainMath(l.numbers);
/** A number written as the explanation writes it (a true minus sign). */
const num = (v: number) => String(v).replace('-', '−');
const forwardOf = (id: string) => (ev: readonly TraceEvent[]) => ev.findIndex((e) => e.type === 'forward' && e.node === id);
const backwardOf = (id: string) => (ev: readonly TraceEvent[]) => ev.findIndex((e) => e.type === 'backward' && e.node === id && e.param === undefined);

describe('explain', () => {
  it('ruleOf(square, x) is the power rule the op states, with its numbers', () => {
    const rule = ruleOf('square', 'x');
    expect(rule.derivative).toBe('∂(x²)/∂x = 2x');
    expect(rule.gradIn).toBe('grad_in = 2·x·grad_out');
    expect(rule.numbers?.({ x: '(−2)', g: '2' })).toBe('2·((−2))·(2)');
  });

  it('ruleOf(add, b) carries the broadcast note as a message key', () => {
    expect(ruleOf('add', 'b').note).toBe('stepper.note.broadcast');
  });

  it('ruleOf of an unknown op or port is the general vector–Jacobian rule with no numbers', () => {
    expect(ruleOf('no_such_op', 'x').gradIn).toContain('∂y/∂x');
    expect(ruleOf('square', 'nope').numbers).toBeNull();
    expect(ruleOf('square', 'constructor').numbers).toBeNull();
  });

  it('numbers are written with a true minus sign, in parentheses as a factor', () => {
    expect(mathNumber(-1.25)).toBe('−1.25');
    expect(factor(-1.25)).toBe('(−1.25)');
    expect(factor(3)).toBe('3');
    expect(factor(undefined)).toBe('?');
  });

  it('elementName names an element as PyTorch indexes it', () => {
    expect(elementName('x', [17], 3)).toBe('x[3]');
    expect(elementName('W', [2, 3], 1)).toBe('W[0, 1]');
    expect(elementName('z', [], 0)).toBe('z');
  });

  it('correspondingIndex: the same element, the broadcast one, a scalar, or none', () => {
    expect(correspondingIndex([17], 3, [17])).toBe(3);
    expect(correspondingIndex([2, 3], 4, [3])).toBe(1);
    expect(correspondingIndex([2, 3], 4, [2, 1])).toBe(1);
    expect(correspondingIndex([17], 3, [])).toBe(0);
    expect(correspondingIndex([], 0, [17])).toBeNull();
    expect(correspondingIndex([17], 17, [17])).toBeNull();
  });

  it('by default the leaf names its element 0: x[0] = −2, never a bare x = -2', () => {
    const lines = at(example('composite-function'), forwardOf('x'));
    expect(plain(lines[0])).toBe('x[0] = −2');
  });

  it('square forward names the element and its input, then the numbers', () => {
    const lines = at(example('composite-function'), forwardOf('square'));
    expect(plain(lines[0])).toBe('square[0] = x[0]² = (−2)² = 4');
  });

  it("x's gradient through square reads 2·x·grad_out with names and numbers", () => {
    const lines = at(example('composite-function'), backwardOf('x'));
    expect(lines[0].rule).toContain('∂(x²)/∂x = 2x');
    expect(plain(lines[0])).toBe('x.grad[0] = 2·x[0]·square.grad[0] = 2·(−2)·2 = −8');
  });

  it('following x[3], every step of y = 2x² + 2 and of its backward explains element 3, with numbers from the formula', () => {
    const doc = example('composite-function');
    const followed = { node: 'x', index: 3 };
    const x3 = XS[3];
    expect(plain(at(doc, forwardOf('x'), followed)[0])).toBe(`x[3] = ${num(x3)}`);
    expect(plain(at(doc, forwardOf('square'), followed)[0])).toBe(`square[3] = x[3]² = (${num(x3)})² = ${x3 * x3}`);
    expect(plain(at(doc, forwardOf('scale'), followed)[0])).toBe(`scale[3] = 2·square[3] = 2·${x3 * x3} = ${2 * x3 * x3}`);
    expect(plain(at(doc, forwardOf('y'), followed)[0])).toBe(`y[3] = scale[3] + 2 = ${2 * x3 * x3} + 2 = ${2 * x3 * x3 + 2}`);
    // The sum reads every element: it starts at y[0] whatever is followed.
    expect(plain(at(doc, forwardOf('z'), followed)[0])).toMatch(/^z = Σ\(y\[0\], …\) = Σ\(10, …\) = 85$/);
    expect(plain(at(doc, backwardOf('y'), followed)[0])).toBe('y.grad[3] = z.grad = 1');
    expect(plain(at(doc, backwardOf('square'), followed)[0])).toBe('square.grad[3] = 2·scale.grad[3] = 2·1 = 2');
    expect(plain(at(doc, backwardOf('x'), followed)[0])).toBe(`x.grad[3] = 2·x[3]·square.grad[3] = 2·(${num(x3)})·2 = ${num(4 * x3)}`);
  });

  it('a reshape reads the same element in row-major order: r[1, 0] is p[3], and p[3].grad takes r.grad[1, 0] with the reshape note', () => {
    const base = example('composite-function');
    const doc = {
      ...base,
      nodes: [
        { id: 'p', op: 'parameter', position: { x: 0, y: 0 }, shape: [6], init: { type: 'constant', value: 0 }, params: { value: { shape: [6], data: [1, -2, 3, -4, 5, -6] } } },
        { id: 'r', op: 'reshape', position: { x: 200, y: 0 }, attrs: { shape: [2, -1] } },
        { id: 'w', op: 'scale', position: { x: 400, y: 0 }, attrs: { k: -3 } },
        { id: 's', op: 'sum', position: { x: 600, y: 0 } },
      ] as typeof base.nodes,
      edges: [
        { source: 'p', target: 'r', targetPort: 'x' },
        { source: 'r', target: 'w', targetPort: 'x' },
        { source: 'w', target: 's', targetPort: 'x' },
      ],
      loss: 's',
    };
    const followed = { node: 'r', index: 3 };
    expect(plain(at(doc, forwardOf('r'), followed)[0])).toBe('r[1, 0] = p[3] = −4');
    const back = at(doc, backwardOf('p'), { node: 'p', index: 3 })[0];
    expect(plain(back)).toBe('p.grad[3] = r.grad[1, 0] = −3');
    expect(back.note).toEqual({ key: 'stepper.note.reshaped', vars: {} });
    expect(translate('ja', 'stepper.note.reshaped')).toContain('行優先');
  });

  it('focusOf names the followed element, and falls back to the default for a node not in the step or an index out of range', () => {
    const doc = example('composite-function');
    const s = new Session({ doc });
    s.stepTrainingStep();
    const { events } = s.state.stepper;
    expect(focusOf({ events, doc, followed: { node: 'x', index: 3 } }).name).toBe('x[3]');
    expect(focusOf({ events, doc, followed: { node: 'x', index: 17 } }).name).toBeNull();
    expect(focusOf({ events, doc, followed: { node: 'gone', index: 0 } }).name).toBeNull();
    expect(focusOf({ events, doc, followed: null }).name).toBeNull();
  });

  it('a sum used as the value to differentiate is not called a loss measuring distance to a target (English and Japanese)', () => {
    const doc = example('composite-function');
    const forward = at(doc, forwardOf('z'))[0].words;
    const seed = at(doc, backwardOf('z'))[0];
    expect(forward.key).toBe('stepper.explain.differentiated');
    expect(seed.words.key).toBe('stepper.explain.seedValue');
    expect(seed.rule).toBe('∂z/∂z = 1');
    for (const words of [forward, seed.words]) {
      const en = translate('en', words.key, words.vars);
      const ja = translate('ja', words.key, words.vars);
      expect(en).toContain('z.backward()');
      expect(en).toContain('value being differentiated');
      expect(en).not.toMatch(/loss|target|prediction/i);
      expect(ja).toContain('z.backward()');
      expect(ja).toContain('微分する値');
      expect(ja).not.toMatch(/損失|目標|予測/);
    }
  });

  it('a criterion (mse) is the loss measuring prediction against target, in both languages', () => {
    const doc = example('linear-regression-module');
    const forward = at(doc, forwardOf('loss'))[0].words;
    const seed = at(doc, backwardOf('loss'))[0].words;
    expect(forward.key).toBe('stepper.explain.loss');
    expect(seed.key).toBe('stepper.explain.seed');
    expect(translate('en', forward.key, forward.vars)).toContain('measures how far the prediction is from the target');
    expect(translate('ja', forward.key, forward.vars)).toContain('損失 loss (mse) は予測が目標からどれだけ離れているか');
    expect(translate('ja', seed.key, seed.vars)).toContain('損失');
  });

  it('a value used three times shows each contribution and their sum', () => {
    const lines = at(reusedParameter(), backwardOf('p'));
    expect(lines).toHaveLength(4);
    expect(lines[3].words.key).toBe('stepper.explain.sum');
    expect(plain(lines[3])).toBe('p.grad[0] = 1 + 1 + 1 = 3');
    const parts = lines.slice(0, 3).map((l) => Number(plain(l).split(' = ').pop()));
    expect(parts.reduce((a, b) => a + b, 0)).toBe(3);
    expect(plain(lines[0])).toMatch(/^grad_in\[0\] = /);
  });

  it('a centred column names its elements and reads 166 − 171, not (166) − (171)', () => {
    const lines = at(example('linear-regression-module'), forwardOf('X'));
    expect(plain(lines[0])).toBe('X[0, 0] = height[0, 0] − height_mean = 166 − 171 = −5');
  });

  it('the followed element is UI state in the session: the document does not change, a bad index follows nothing, opening a document drops it', () => {
    const doc = example('composite-function');
    const s = new Session({ doc });
    s.follow({ node: 'x', index: 3 });
    expect(s.state.stepper.followed).toEqual({ node: 'x', index: 3 });
    expect(s.state.history.present).toBe(doc);
    s.follow({ node: 'x', index: -1 });
    expect(s.state.stepper.followed).toBeNull();
    s.follow({ node: 'x', index: 2.5 });
    expect(s.state.stepper.followed).toBeNull();
    s.follow({ node: 'x', index: 3 });
    s.load(example('composite-function'));
    expect(s.state.stepper.followed).toBeNull();
  });

  it("linear's forward substitutes x, its weight and its bias, named", () => {
    const lines = at(example('linear-regression-module'), forwardOf('linear'));
    expect(lines[0].rule).toBe('y = x Wᵀ + b');
    expect(plain(lines[0])).toMatch(/^linear\[0, 0\] = \S+\[0, 0\]·linear\.weight\[0, 0\] \+ linear\.bias\[0\] = \(?−?[\d.e+-]+\)?·1 \+ 1 = −?[\d.e+-]+$/);
  });

  it("linear's forward takes weight and bias from the step's update when the document stores none", () => {
    const doc = example('binary-classification');
    expect(doc.nodes.find((n) => n.op === 'linear')?.params).toBeUndefined();
    const s = new Session({ doc });
    s.stepTrainingStep();
    const { events } = s.state.stepper;
    const lin = doc.nodes.find((n) => n.op === 'linear')?.id;
    const before = (param: string) => {
      const e = events.find((u) => u.type === 'update' && u.node === lin && u.param === param);
      return e?.type === 'update' ? factor(e.before.data[0]) : 'missing';
    };
    const lines = explain({ events, cursor: events.findIndex((e) => e.type === 'forward' && e.node === lin), doc, lr: 0.1, optimizer: doc.training.optimizer });
    expect(plain(lines[0])).toContain(`·${before('weight')}`);
    expect(plain(lines[0])).toContain(`+ ${before('bias')} = `);
  });

  it("linear's weight gradient reads the op's rule with the rows note, naming element [0, 0]", () => {
    const lines = at(example('linear-regression-module'), (ev) => ev.findIndex((e) => e.type === 'backward' && e.node === 'linear' && e.param === 'weight'));
    expect(lines[0].rule).toBe('∂(x·Wᵀ + b)/∂W = x;  grad_W = grad_outᵀ·x');
    expect(lines[0].note?.key).toBe('stepper.note.rows');
    expect(plain(lines[0])).toMatch(/^linear\.weight\.grad\[0, 0\] = /);
  });

  it("the mse loss's forward is a fraction over n, negatives in parentheses", () => {
    const doc = example('linear-regression-module');
    const lines = at(doc, forwardOf('loss'));
    expect(plain(lines[0])).toMatch(/^loss = \(\(linear\[0, 0\] − Y\[0, 0\]\)² \+ …\) \/ 5 = \(\(\(?−?[\d.]+\)? − \(?−?[\d.]+\)?\)² \+ …\) \/ 5 = [\d.]+$/);
    expect(plain(lines[0])).not.toMatch(/− −|\d −\d/);
  });

  it("the mse's gradient to its input is 2·(ŷ − y) over n times grad_out, never '/ 5·(1)'", () => {
    const lines = at(example('linear-regression-module'), backwardOf('linear'));
    const text = plain(lines[0]);
    expect(text).toMatch(/= \(\(2·\(\S+ − \S+\)\) \/ 5\)·1 = /);
    expect(text).not.toContain('·(1)');
  });

  it('an SGD update reads element ← before − lr·grad = after', () => {
    const lines = at(reusedParameter(), (ev) => ev.length - 1);
    expect(plain(lines[0])).toBe('p[0] ← 1 − 0.1·3 = 0.7');
  });
  it("following linear[1, 2], its bias's gradient and update show bias[2]; its weight's say which element is shown", () => {
    const doc = example('multiclass-classification');
    const lin = doc.nodes.find((n) => n.op === 'linear')!;
    const name = lin.label ?? lin.id;
    const followed = { node: lin.id, index: 1 * 3 + 2 };
    const paramGrad = (param: string) => (ev: readonly TraceEvent[]) => ev.findIndex((e) => e.type === 'backward' && e.node === lin.id && e.param === param);
    const update = (param: string) => (ev: readonly TraceEvent[]) => ev.findIndex((e) => e.type === 'update' && e.node === lin.id && e.param === param);
    const biasGrad = at(doc, paramGrad('bias'), followed)[0];
    expect(plain(biasGrad)).toMatch(new RegExp(`^${name}\\.bias\\.grad\\[2\\] = `));
    expect(biasGrad.note?.key).not.toBe('stepper.explain.paramElement');
    expect(plain(at(doc, update('bias'), followed)[0])).toMatch(new RegExp(`^${name}\\.bias\\[2\\] ← `));
    const weightGrad = at(doc, paramGrad('weight'), followed)[0];
    expect(plain(weightGrad)).toMatch(new RegExp(`^${name}\\.weight\\.grad\\[0, 0\\] = `));
    expect(weightGrad.note).toEqual({ key: 'stepper.explain.paramElement', vars: { followed: `${name}[1, 2]`, param: `${name}.weight.grad`, element: `${name}.weight.grad[0, 0]` } });
    expect(translate('ja', weightGrad.note!.key, weightGrad.note!.vars)).toContain(`${name}.weight.grad[0, 0] を表示しています`);
    const weightUpdate = at(doc, update('weight'), followed)[0];
    expect(weightUpdate.note?.vars.element).toBe(`${name}.weight[0, 0]`);
    // Without a followed element, element 0 is the default everywhere, and nothing more is said.
    expect(plain(at(doc, paramGrad('bias'))[0])).toMatch(new RegExp(`^${name}\\.bias\\.grad\\[0\\] = `));
    expect(at(doc, update('weight'))[0].note).toBeUndefined();
  });
});
