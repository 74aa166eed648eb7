import { type ReactNode, useRef, useState } from 'react';

/** A panel floating over the page, moved by dragging its title bar and resized from its corner. */
export function FloatingPanel({ title, onClose, closeLabel, children }: { title: string; onClose: () => void; closeLabel: string; children: ReactNode }) {
  const [pos, setPos] = useState({ x: Math.max(16, window.innerWidth - 720), y: 80 });
  const drag = useRef<{ dx: number; dy: number } | null>(null);
  return (
    <div className="floating" data-testid="plot.floating" role="dialog" aria-label={title} style={{ left: pos.x, top: pos.y }}>
      <div
        className="floating__bar"
        data-testid="plot.floating.bar"
        onPointerDown={(e) => {
          if ((e.target as HTMLElement).closest('button')) return;
          drag.current = { dx: e.clientX - pos.x, dy: e.clientY - pos.y };
          e.currentTarget.setPointerCapture(e.pointerId);
        }}
        onPointerMove={(e) => {
          const d = drag.current;
          if (d) setPos({ x: Math.max(0, Math.min(window.innerWidth - 80, e.clientX - d.dx)), y: Math.max(0, Math.min(window.innerHeight - 40, e.clientY - d.dy)) });
        }}
        onPointerUp={() => (drag.current = null)}
      >
        <span>{title}</span>
        <button type="button" data-testid="plot.attach" onClick={onClose}>
          {closeLabel}
        </button>
      </div>
      <div className="floating__body">{children}</div>
    </div>
  );
}
