import { describe, expect, it } from 'vitest';
import { explain, fill, first, ruleOf } from './explain';
import type { TraceEvent } from '../../engine';
import { Session } from '../session/Session';
import { example, reusedParameter } from './testGraphs';

function at(doc: ReturnType<typeof example>, cursorOf: (events: readonly TraceEvent[]) => number) {
  const s = new Session({ doc });
  s.stepTrainingStep();
  const { events } = s.state.stepper;
  return explain({ events, cursor: cursorOf(events), doc, lr: doc.training.optimizer.lr, optimizer: doc.training.optimizer });
}

describe('explain', () => {
  it('ruleOf(square, x) is the power rule, and unknown ops get the general rule', () => {
    expect(ruleOf('square', 'x').derivative).toBe('∂(x²)/∂x = 2x');
    expect(ruleOf('square', 'x').gradIn).toBe('grad_in = 2·x·grad_out');
    expect(ruleOf('softmax', 'x').gradIn).toContain('∂y/∂x');
  });

  it('fill and first substitute first elements', () => {
    expect(fill('2·({x})·({g})', { x: '-2', g: '2' })).toBe('2·(-2)·(2)');
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

  it('an SGD update reads before − lr·grad = after', () => {
    const doc = reusedParameter();
    const lines = at(doc, (ev) => ev.length - 1);
    expect(lines[0].numbers).toBe('1 − 0.1·(3) = 0.7');
  });
});
