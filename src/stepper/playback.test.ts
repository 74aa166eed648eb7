import { describe, expect, it } from 'vitest';
import type { TraceEvent } from '../../engine';
import { edgeViews, endOfPhase, eventsDue, lossShown, nodeViews, phaseAt, plainEvent, stepBack } from './playback';

const t = (data: number[]) => ({ shape: data.length === 1 ? [] : [data.length], data: Float64Array.from(data) });
const events: TraceEvent[] = [
  { type: 'forward', phase: 'predict', node: 'x', value: t([2]) },
  { type: 'forward', phase: 'predict', node: 'sq', value: t([4]) },
  { type: 'forward', phase: 'loss', node: 'z', value: t([4]) },
  { type: 'backward', phase: 'backward', node: 'z', grad: t([1]), contributions: [] },
  { type: 'backward', phase: 'backward', node: 'sq', grad: t([1]), contributions: [{ target: 'z', port: 'x', grad: t([1]) }] },
  { type: 'backward', phase: 'backward', node: 'x', grad: t([4]), contributions: [{ target: 'sq', port: 'x', grad: t([4]) }] },
  { type: 'update', phase: 'update', node: 'x', param: 'value', before: t([2]), after: t([1.6]), grad: t([4]) },
];
const edges = [
  { source: 'x', target: 'sq', targetPort: 'x' },
  { source: 'sq', target: 'z', targetPort: 'x' },
];

describe('playback', () => {
  it('phaseAt(-1) is null, then follows the events', () => {
    expect(phaseAt({ events, cursor: -1 })).toBeNull();
    expect(phaseAt({ events, cursor: 2 })).toBe('loss');
  });

  it('endOfPhase finishes the current phase, or the next when at a phase end', () => {
    expect(endOfPhase({ events, cursor: -1 })).toBe(1);
    expect(endOfPhase({ events, cursor: 0 })).toBe(1);
    expect(endOfPhase({ events, cursor: 1 })).toBe(2);
    expect(endOfPhase({ events, cursor: 2 })).toBe(5);
    expect(endOfPhase({ events, cursor: 5 })).toBe(6);
    expect(endOfPhase({ events, cursor: 6 })).toBe(6);
  });

  it('stepBack stops at the start of the training step', () => {
    expect(stepBack({ events, cursor: 0 })).toBe(-1);
    expect(stepBack({ events, cursor: -1 })).toBe(-1);
  });

  it('lossShown is null until the loss event', () => {
    expect(lossShown({ events, cursor: 1 })).toBeNull();
    expect(lossShown({ events, cursor: 2 })).toBe(4);
  });

  it('edgeViews sends values forward on out-edges and contributions back', () => {
    const fwd = edgeViews({ events, cursor: 1 }, edges);
    expect(fwd.get('x|sq|x')).toMatchObject({ flow: 'forward', active: false });
    expect(fwd.get('sq|z|x')).toMatchObject({ flow: 'forward', active: true });
    const back = edgeViews({ events, cursor: 5 }, edges);
    expect(back.get('x|sq|x')).toMatchObject({ flow: 'backward', active: true });
    expect(Array.from(back.get('x|sq|x')!.data)).toEqual([4]);
  });

  it('nodeViews marks the current node and collects value, grad and update', () => {
    const v = nodeViews({ events, cursor: 6 });
    expect(v.get('x')).toMatchObject({ current: true, parts: 1 });
    expect(Array.from(v.get('x')!.params[0].after!)).toEqual([1.6]);
    expect(v.get('sq')!.current).toBe(false);
    expect(nodeViews({ events, cursor: -1 }).size).toBe(0);
  });

  it('plainEvent copies into arrays', () => {
    expect(plainEvent(events[4])).toMatchObject({ type: 'backward', grad: [1], contributions: [{ target: 'z', port: 'x', grad: [1] }] });
    expect(plainEvent(events[6])).toMatchObject({ before: [2], after: [1.6], grad: [4] });
  });

  it('eventsDue carries the remainder between frames', () => {
    expect(eventsDue(0, 250, 2)).toEqual({ count: 0, carry: 0.5 });
    expect(eventsDue(0.5, 250, 2)).toEqual({ count: 1, carry: 0 });
  });
});
