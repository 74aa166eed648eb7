import { scaleLinear } from 'd3-scale';
import { describe, expect, it } from 'vitest';
import { sessionOn, trainSteps } from '../lessons/testSessions';
import { gradientArrow, gradientAt, gradientIsCurrent } from './landscape';
import { paramElements } from './paramChoices';
import { compiled, linearDoc } from './testGraphs';

describe('the gradient arrow on the contour map', () => {
  // Axes of different units per pixel, as a window of W from 0 to 4 and B from −20 to 20 gives.
  const x = scaleLinear().domain([0, 4]).range([40, 240]);
  const y = scaleLinear().domain([-20, 20]).range([240, 40]);

  it('points along the engine’s gradient (∂L/∂weight, ∂L/∂bias) after a backward, in the parameters’ units', () => {
    const p = compiled(linearDoc());
    p.backward();
    const [w, b] = paramElements(p.params);
    const grad = gradientAt(p, w, b)!;
    // L = mean((w·x + b − y)²) at w = b = 0 over (2, 5), (0, 1), (1, 3), (−1, −1): ∂L/∂w = −7, ∂L/∂b = −4.
    expect(grad[0]).toBeCloseTo(-7, 12);
    expect(grad[1]).toBeCloseTo(-4, 12);
    const arrow = gradientArrow([1, 2], grad, x, y, 50)!;
    expect(arrow.grad).toEqual(grad);
    expect([arrow.x1, arrow.y1]).toEqual([x(1), y(2)]);
    // The tip, read back in parameter units, lies on the ray from the point along the gradient.
    const dw = x.invert(arrow.x2) - 1;
    const db = y.invert(arrow.y2) - 2;
    expect(dw / grad[0]).toBeGreaterThan(0);
    expect(dw / grad[0]).toBeCloseTo(db / grad[1], 12);
    expect(Math.hypot(arrow.x2 - arrow.x1, arrow.y2 - arrow.y1)).toBeCloseTo(50, 9);
  });

  it('draws uphill: a positive ∂L/∂b points up the screen, a negative ∂L/∂w to the left', () => {
    const arrow = gradientArrow([2, 0], [-1, 10], x, y, 40)!;
    expect(arrow.x2).toBeLessThan(arrow.x1);
    expect(arrow.y2).toBeLessThan(arrow.y1);
  });

  it('has the same length for a steep and a gentle slope', () => {
    const steep = gradientArrow([2, 0], [300, 0], x, y, 40)!;
    const gentle = gradientArrow([2, 0], [0.003, 0], x, y, 40)!;
    expect(steep.x2 - steep.x1).toBeCloseTo(40, 9);
    expect(gentle.x2 - gentle.x1).toBeCloseTo(40, 9);
  });

  it('is not drawn at a flat point or for a gradient that is not finite', () => {
    expect(gradientArrow([2, 0], [0, 0], x, y, 40)).toBeNull();
    expect(gradientArrow([2, 0], [Number.NaN, 1], x, y, 40)).toBeNull();
    expect(gradientArrow([2, 0], [Infinity, 1], x, y, 40)).toBeNull();
  });

  it('is drawn only while .grad is the gradient at the current point: after Backward, not after a training step’s update', () => {
    const s = sessionOn('linear-regression-by-hand');
    expect(gradientIsCurrent(s.state.run), 'None before any backward').toBe(false);
    s.backward();
    expect(gradientIsCurrent(s.state.run)).toBe(true);
    s.forward();
    expect(gradientIsCurrent(s.state.run), 'a Forward moves nothing').toBe(true);
    trainSteps(s, 1);
    expect(gradientIsCurrent(s.state.run), 'the update moved W and B past the point .grad was taken at').toBe(false);
    s.backward();
    expect(gradientIsCurrent(s.state.run)).toBe(true);
  });
});
