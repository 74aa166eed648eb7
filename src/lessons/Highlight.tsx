import { useEffect, useState } from 'react';
import { useLessons, useLessonsApi } from './useLessons';

interface Box {
  readonly left: number;
  readonly top: number;
  readonly width: number;
  readonly height: number;
}

/** The box of the element with this test id on screen, or null while it is not shown. */
function boxOf(testId: string): Box | null {
  const el = document.querySelector(`[data-testid="${CSS.escape(testId)}"]`);
  if (!el) return null;
  const r = el.getBoundingClientRect();
  if (r.width === 0 && r.height === 0) return null;
  return { left: r.left, top: r.top, width: r.width, height: r.height };
}

const sameBox = (a: Box | null, b: Box | null) => a === b || (a !== null && b !== null && a.left === b.left && a.top === b.top && a.width === b.width && a.height === b.height);

/**
 * A ring around the control the open step points at. It never takes a click (pointer-events
 * off) and follows the control as the layout moves; nothing shows while the step is done or
 * the control is off screen.
 */
export function Highlight() {
  const lessons = useLessonsApi();
  const point = useLessons((s) => {
    const open = s.progress.open;
    if (!open || !s.panelOpen || s.progress.done[open.id]?.includes(open.step)) return null;
    return lessons?.lesson(open.id)?.steps[open.step - 1]?.point ?? null;
  });
  const [box, setBox] = useState<Box | null>(null);
  useEffect(() => {
    if (!point) {
      setBox(null);
      return;
    }
    let frame = 0;
    let last: Box | null = null;
    const follow = () => {
      const next = boxOf(point);
      if (!sameBox(next, last)) {
        last = next;
        setBox(next);
      }
      frame = requestAnimationFrame(follow);
    };
    follow();
    return () => cancelAnimationFrame(frame);
  }, [point]);
  if (!point || !box) return null;
  const pad = 4;
  return (
    <div
      className="lesson-highlight"
      data-testid="lessons.highlight"
      data-target={point}
      aria-hidden="true"
      style={{ left: box.left - pad, top: box.top - pad, width: box.width + 2 * pad, height: box.height + 2 * pad }}
    />
  );
}
