import type { ReactFlowState } from '@xyflow/react';
import { describe, expect, it } from 'vitest';
import { nodeBoxesOnScreen, visibleRect } from './boxesOnScreen';

/** The parts of React Flow's state the functions read: nodes at `positions` (176 × 99, or unmeasured), a 1000 × 600 pane. */
function state(transform: [number, number, number], positions: { x: number; y: number; measured?: boolean }[]): ReactFlowState {
  const nodeLookup = new Map(
    positions.map((p, i) => [String(i), { internals: { positionAbsolute: { x: p.x, y: p.y } }, measured: p.measured === false ? {} : { width: 176, height: 99 } }]),
  );
  return { transform, width: 1000, height: 600, nodeLookup } as unknown as ReactFlowState;
}

describe('nodeBoxesOnScreen', () => {
  it('the visible rect is the pane in flow coordinates', () => {
    expect(visibleRect(state([100, -50, 2], []))).toEqual({ x: -50, y: 25, width: 500, height: 300 });
    expect(visibleRect({ ...state([0, 0, 1], []), width: 0 } as ReactFlowState)).toBeNull();
  });

  it('keeps the nodes at least partly on screen, with the typical size for an unmeasured one', () => {
    const s = state([0, 0, 0.5], [
      { x: 0, y: 0 },
      { x: 1990, y: 1190 },
      { x: -176, y: 0 },
      { x: -175, y: 500 },
      { x: 3000, y: 0 },
      { x: 100, y: 1150, measured: false },
    ]);
    expect(nodeBoxesOnScreen(s)).toEqual([
      { x: 0, y: 0, width: 176, height: 99 },
      { x: 1990, y: 1190, width: 176, height: 99 },
      { x: -175, y: 500, width: 176, height: 99 },
      { x: 100, y: 1150, width: 176, height: 110 },
    ]);
  });
});
