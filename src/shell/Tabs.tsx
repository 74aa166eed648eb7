import { type ReactNode, useEffect, useState } from 'react';
import { useTabRequests } from './tabRequest';

/** One tab: its id (for test ids), its label and its content. */
export interface TabSpec {
  readonly id: string;
  readonly label: string;
  readonly content: ReactNode;
  /** Starts downloading the content's code when a pointer or the keyboard reaches the tab (shell/lazyPanel.tsx). */
  readonly preload?: () => void;
}

/** Accessible tabs (role tablist, arrow keys move between tabs); content of hidden tabs is not rendered. */
export function Tabs({ name, tabs, label }: { name: string; tabs: readonly TabSpec[]; label: string }) {
  const [active, setActive] = useState(tabs[0]?.id);
  const requested = useTabRequests((s) => s.requests[name]);
  useEffect(() => {
    if (requested) setActive(requested.id);
  }, [requested]);
  const current = tabs.find((t) => t.id === active) ?? tabs[0];
  const move = (delta: number) => {
    const i = tabs.findIndex((t) => t.id === current.id);
    const next = tabs[(i + delta + tabs.length) % tabs.length];
    setActive(next.id);
    document.getElementById(`${name}-tab-${next.id}`)?.focus();
  };
  return (
    <div className="tabs">
      <div className="tabs__list" role="tablist" aria-label={label}>
        {tabs.map((t) => (
          <button
            key={t.id}
            id={`${name}-tab-${t.id}`}
            type="button"
            role="tab"
            data-testid={`${name}.tab.${t.id}`}
            aria-selected={t.id === current.id}
            aria-controls={`${name}-panel`}
            tabIndex={t.id === current.id ? 0 : -1}
            className={`tabs__tab${t.id === current.id ? ' tabs__tab--active' : ''}`}
            onClick={() => setActive(t.id)}
            onPointerEnter={t.preload}
            onFocus={t.preload}
            onKeyDown={(e) => {
              if (e.key === 'ArrowRight') move(1);
              if (e.key === 'ArrowLeft') move(-1);
            }}
          >
            {t.label}
          </button>
        ))}
      </div>
      <div className="tabs__panel" role="tabpanel" id={`${name}-panel`} aria-labelledby={`${name}-tab-${current.id}`}>
        {current.content}
      </div>
    </div>
  );
}
