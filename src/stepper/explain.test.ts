import { describe, expect, it } from 'vitest';
import type { TraceEvent } from '../../engine';
import { Session } from '../session/Session';
import { explain, first, ruleOf } from './explain';
import { example, reusedParameter } from './testGraphs';

function at(doc: ReturnType<typeof example>, cursorOf: (events: readonly TraceEvent[]) => number) {
  const s = new Session({ doc });
  s.stepTrainingStep();
  const { events } = s.state.stepper;
  return explain({ events, cursor: cursorOf(events), doc, lr: doc.training.optimizer.lr, optimizer: doc.training.optimizer });
}

describe('explain', () => {
  it('ruleOf(square, x) is the power rule the op states, with its numbers', () => {
    const rule = ruleOf('square', 'x');
    expect(rule.derivative).toBe('∂(x²)/∂x = 2x');
    expect(rule.gradIn).toBe('grad_in = 2·x·grad_out');
    expect(rule.numbers?.({ x: '-2', g: '2' })).toBe('2·(-2)·(2)');
  });

  it('ruleOf(add, b) carries the broadcast note as a message key', () => {
    expect(ruleOf('add', 'b').note).toBe('stepper.note.broadcast');
  });

  it('ruleOf of an unknown op or port is the general vector–Jacobian rule with no numbers', () => {
    expect(ruleOf('no_such_op', 'x').gradIn).toContain('∂y/∂x');
    expect(ruleOf('square', 'nope').numbers).toBeNull();
    expect(ruleOf('square', 'constructor').numbers).toBeNull();
  });

  it('first gives the first element, or ? for nothing', () => {
    expect(first([1.5, 2])).toBe('1.5');
    expect(first([])).toBe('?');
  });

  it('square forward substitutes x', () => {
    const doc = example('composite-function');
    const lines = at(doc, (ev) => ev.findIndex((e) => e.node === 'square'));
    expect(lines[0].numbers).toBe('(-2)² = 4');
  });

  it("x's gradient through square reads 2·x·grad_out with numbers", () => {
    const doc = example('composite-function');
    const lines = at(doc, (ev) => ev.findIndex((e) => e.type === 'backward' && e.node === 'x'));
    expect(lines[0].rule).toContain('∂(x²)/∂x = 2x');
    expect(lines[0].numbers).toBe('2·(-2)·(2) = -8');
  });

  it('a value used three times shows each contribution and their sum', () => {
    const doc = reusedParameter();
    const lines = at(doc, (ev) => ev.findIndex((e) => e.type === 'backward' && e.node === 'p'));
    expect(lines).toHaveLength(4);
    expect(lines[3].words.key).toBe('stepper.explain.sum');
    expect(lines[3].numbers).toBe('(1) + (1) + (1) = 3');
    const parts = lines.slice(0, 3).map((l) => Number(l.numbers.split(' = ').pop()));
    expect(parts.reduce((a, b) => a + b, 0)).toBe(Number(lines[3].numbers.split(' = ').pop()));
  });

  it("linear's forward substitutes x, its weight and its bias", () => {
    const doc = example('linear-regression-module');
    const lines = at(doc, (ev) => ev.findIndex((e) => e.type === 'forward' && e.node === 'linear'));
    expect(lines[0].rule).toBe('y = x Wᵀ + b');
    expect(lines[0].numbers).toMatch(/^\(-?[\d.e+-]+\)·\(1\) \+ \(1\) = -?[\d.e+-]+$/);
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
      return e?.type === 'update' ? first(e.before.data) : 'missing';
    };
    const lines = explain({ events, cursor: events.findIndex((e) => e.type === 'forward' && e.node === lin), doc, lr: 0.1, optimizer: doc.training.optimizer });
    expect(lines[0].numbers).toContain(`·(${before('weight')})`);
    expect(lines[0].numbers).toContain(`+ (${before('bias')}) = `);
  });

  it("linear's weight gradient reads the op's rule with the rows note", () => {
    const doc = example('linear-regression-module');
    const lines = at(doc, (ev) => ev.findIndex((e) => e.type === 'backward' && e.node === 'linear' && e.param === 'weight'));
    expect(lines[0].rule).toBe('∂(x·Wᵀ + b)/∂W = x;  grad_W = grad_outᵀ·x');
    expect(lines[0].note?.key).toBe('stepper.note.rows');
  });

  it("the mse loss's forward substitutes input and target and divides by n", () => {
    const doc = example('linear-regression-module');
    const lines = at(doc, (ev) => ev.findIndex((e) => e.type === 'forward' && e.node === 'loss'));
    expect(lines[0].words.key).toBe('stepper.explain.loss');
    expect(lines[0].numbers).toMatch(/^\(\(.+ − .+\)² \+ …\) \/ 5 = /);
  });

  it('an SGD update reads before − lr·grad = after', () => {
    const doc = reusedParameter();
    const lines = at(doc, (ev) => ev.length - 1);
    expect(lines[0].numbers).toBe('1 − 0.1·(3) = 0.7');
  });
});
