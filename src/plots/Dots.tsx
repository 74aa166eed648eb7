import { memo } from 'react';

/** Pixel positions of dots: x and y, index for index. */
interface DotPositions {
  readonly cx: readonly number[];
  readonly cy: readonly number[];
}

/** Whether two lists hold the same numbers. */
function sameNumbers(a: readonly number[], b: readonly number[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** Path text of round dots of radius `r` (each a circle drawn as two arcs), for one path element. */
export function dotsPath({ cx, cy }: DotPositions, r: number): string {
  const out: string[] = [];
  for (let i = 0; i < cx.length; i++) {
    if (!Number.isFinite(cx[i]) || !Number.isFinite(cy[i])) continue;
    out.push(`M${cx[i] - r},${cy[i]}a${r},${r} 0 1,0 ${2 * r},0a${r},${r} 0 1,0 ${-2 * r},0`);
  }
  return out.join('');
}

/** Opaque dots of one colour as one path: a frame that moves them all changes one element, not one per dot. */
export function DotPath({ cx, cy, r, fill, testId }: DotPositions & { r: number; fill: string; testId?: string }) {
  return <path data-testid={testId} data-points={cx.length} d={dotsPath({ cx, cy }, r)} fill={fill} />;
}

/**
 * Dots as circles (translucent or outlined, so each must stay its own element), redrawn only
 * when a position or a colour changes: a training frame that moves only the model leaves them alone.
 */
export const Dots = memo(
  function Dots({ cx, cy, r, fill, fillOpacity, stroke, strokeWidth }: DotPositions & { r: number; fill: readonly string[]; fillOpacity?: number; stroke?: string; strokeWidth?: number }) {
    return (
      <>
        {cx.map((x, i) => Number.isFinite(x) && Number.isFinite(cy[i]) && <circle key={i} cx={x} cy={cy[i]} r={r} fill={fill[i % fill.length]} fillOpacity={fillOpacity} stroke={stroke} strokeWidth={strokeWidth} />)}
      </>
    );
  },
  (a, b) => sameNumbers(a.cx, b.cx) && sameNumbers(a.cy, b.cy) && a.fill.length === b.fill.length && a.fill.every((c, i) => c === b.fill[i]) && a.r === b.r && a.fillOpacity === b.fillOpacity && a.stroke === b.stroke && a.strokeWidth === b.strokeWidth,
);
