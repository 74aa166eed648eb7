import { describe, expect, it } from 'vitest';
import { DEFAULT_DIVERGENCE_FACTOR, DivergenceWatch, divergenceFactorOf, type WatchedParam } from './divergence';
import { divergenceMessage, formatFactor, formatLoss } from './divergenceText';

const param = (node: string, value: number[], grad: number[] = value.map(() => 0)): WatchedParam => ({ node, value, grad });
const ok = [param('lin', [1, 2], [0.1, 0.2])];

/** Feeds the losses one epoch at a time and returns the first divergence. */
function feed(watch: DivergenceWatch, losses: number[], params: WatchedParam[] = ok) {
  for (const loss of losses) {
    const d = watch.check(loss, params, () => ['loss']);
    if (d) return d;
  }
  return null;
}

describe('DivergenceWatch', () => {
  it('check(inf or nan loss) → nonfinite-loss at that epoch, at the nodes the trainer names', () => {
    const d = feed(new DivergenceWatch(), [10, 9, 8, Infinity]);
    expect(d).toMatchObject({ epoch: 3, rule: 'nonfinite-loss', nodes: ['loss'], value: Infinity, threshold: null, lastGoodEpoch: 2 });
    expect(feed(new DivergenceWatch(), [10, NaN])).toMatchObject({ epoch: 1, rule: 'nonfinite-loss' });
  });

  it('check(loss above first × factor) → loss-growth at the first such epoch, not before', () => {
    const d = feed(new DivergenceWatch(100), [2, 20, 199, 200, 201, 1e9]);
    expect(d).toMatchObject({ epoch: 4, rule: 'loss-growth', value: 201, threshold: 200, firstLoss: 2, factor: 100, lastGoodEpoch: 3 });
  });

  it('factor null → the growth rule is off; only non-finite values stop', () => {
    expect(feed(new DivergenceWatch(null), [1, 1e100, 1e300])).toBeNull();
    expect(feed(new DivergenceWatch(null), [1, 1e300, Infinity])).toMatchObject({ epoch: 2, rule: 'nonfinite-loss' });
  });

  it('check(non-finite gradient) → nonfinite-grad naming the nodes; a non-finite parameter → nonfinite-param', () => {
    const grads = [param('a', [1], [0]), param('b', [1, 2], [3, -Infinity]), param('c', [1], [NaN])];
    expect(new DivergenceWatch().check(5, grads)).toMatchObject({ epoch: 0, rule: 'nonfinite-grad', nodes: ['b', 'c'], value: -Infinity, lastGoodEpoch: null });
    const values = [param('a', [1, NaN]), param('b', [2])];
    expect(new DivergenceWatch().check(5, values)).toMatchObject({ rule: 'nonfinite-param', nodes: ['a'] });
  });

  it('rules are checked in the order a step computes them: loss, growth, gradients, parameters', () => {
    const bad = [param('a', [Infinity], [NaN])];
    expect(new DivergenceWatch().check(NaN, bad, () => ['L'])?.rule).toBe('nonfinite-loss');
    const w = new DivergenceWatch(10);
    w.check(1, ok);
    expect(w.check(11, bad)?.rule).toBe('loss-growth');
    expect(new DivergenceWatch().check(1, bad)?.rule).toBe('nonfinite-grad');
  });

  it('options → epochs counted from firstEpoch; the growth rule compares with a given first loss', () => {
    const w = new DivergenceWatch(10, { firstEpoch: 40, firstLoss: 3 });
    expect(w.threshold).toBe(30);
    expect(w.check(31, ok)).toMatchObject({ epoch: 40, rule: 'loss-growth', firstLoss: 3, lastGoodEpoch: null });
  });

  it('a first loss of 0 or below: 0 leaves nothing to scale, a negative one scales by its size', () => {
    expect(feed(new DivergenceWatch(10), [0, 1, 1e9])).toBeNull();
    expect(feed(new DivergenceWatch(10), [-2, 5, 21])).toMatchObject({ epoch: 2, rule: 'loss-growth', threshold: 20 });
  });

  it('divergenceFactorOf: absent → the default 1e6, null → off, a number → itself', () => {
    expect(DEFAULT_DIVERGENCE_FACTOR).toBe(1e6);
    expect(divergenceFactorOf(undefined)).toBe(1e6);
    expect(divergenceFactorOf(null)).toBeNull();
    expect(divergenceFactorOf(50)).toBe(50);
  });
});

describe('divergenceMessage', () => {
  it('says the epoch, the rule with its numbers, where the parameters went back to, and what to try', () => {
    const d = feed(new DivergenceWatch(), [1.2, 10, 2.3e6])!;
    expect(divergenceMessage(d, 0.01)).toBe(
      "Training stopped at epoch 2: the loss 2.3e6 grew past 1,000,000 × the first loss (1.2). The parameters are back to epoch 1's values. Try a smaller learning rate (now 0.01).",
    );
    const first = new DivergenceWatch().check(NaN, ok, () => ['mse'])!;
    expect(divergenceMessage(first, 0.1)).toBe(
      'Training stopped at epoch 0: the loss became nan (it first appeared at mse). The parameters are back to their values before this run. Try a smaller learning rate (now 0.1).',
    );
  });

  it('formatLoss and formatFactor → short numbers: exponents for very large or small ones', () => {
    expect([formatLoss(153900453.03988072), formatLoss(112.0639816077075), formatLoss(0.0001234), formatLoss(-Infinity), formatLoss(0)]).toEqual(['1.54e8', '112', '1.23e-4', '-inf', '0']);
    expect([formatFactor(1e6), formatFactor(2.5), formatFactor(1e20)]).toEqual(['1,000,000', '2.5', '1e20']);
  });
});

describe('DivergenceWatch("never")', () => {
  it('never stops: inf, nan and a grown loss all pass, so the trainer runs every epoch', () => {
    const w = new DivergenceWatch('never');
    expect(w.stops).toBe(false);
    expect(w.factor).toBeNull();
    const p = [{ node: 'lin', value: [NaN], grad: [Infinity] }];
    expect(w.check(1, p)).toBeNull();
    expect(w.check(1e300, p)).toBeNull();
    expect(w.check(Infinity, p)).toBeNull();
    expect(w.check(NaN, p)).toBeNull();
    expect(divergenceFactorOf('never')).toBe('never');
  });
});
