import { useId, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { PALETTE_MIME } from '../canvas/dnd';
import { translate, useT } from '../i18n/useT';
import { filterPalette, type PaletteItem, paletteItems } from './paletteGroups';
import { useAddAtCentre } from './useAddAtCentre';
import './panels.css';

const ITEMS = paletteItems();

/** The left sidebar: every op and leaf by group, searchable; drag one onto the canvas, or focus it and press Enter. */
export function Palette() {
  const t = useT();
  const headingId = useId();
  const hintId = useId();
  const [query, setQuery] = useState('');
  const [announcement, setAnnouncement] = useState('');
  const listRef = useRef<HTMLDivElement>(null);
  const addAtCentre = useAddAtCentre();
  // Search matches the group names in the shown language and in English, so 損失 and "loss" both work.
  const sections = useMemo(
    () => filterPalette(ITEMS, query, (g) => [t(`palette.group.${g}`), translate('en', `palette.group.${g}`)]),
    [query, t],
  );

  const items = () => [...(listRef.current?.querySelectorAll<HTMLElement>('[data-palette-item]') ?? [])];
  const moveFocus = (from: HTMLElement | null, key: string): boolean => {
    const all = items();
    if (all.length === 0) return false;
    const i = from ? all.indexOf(from) : -1;
    const next = key === 'Home' ? 0 : key === 'End' ? all.length - 1 : key === 'ArrowDown' ? Math.min(i + 1, all.length - 1) : Math.max(i - 1, 0);
    all[next].focus();
    return true;
  };
  const add = (op: string) => {
    const id = addAtCentre(op);
    if (id !== null) setAnnouncement(t('palette.added', { id }));
  };

  const onItemKey = (e: KeyboardEvent<HTMLElement>, item: PaletteItem) => {
    if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      add(item.op);
    } else if (['ArrowDown', 'ArrowUp', 'Home', 'End'].includes(e.key)) {
      e.preventDefault();
      moveFocus(e.currentTarget, e.key);
    }
  };

  return (
    <section className="palette" data-testid="palette" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('palette.title')}</h2>
      <input
        type="search"
        className="palette-search"
        data-testid="palette.search"
        aria-label={t('palette.search')}
        aria-describedby={hintId}
        placeholder={t('palette.searchPlaceholder')}
        value={query}
        onChange={(e) => setQuery(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown') {
            if (moveFocus(null, 'Home')) e.preventDefault();
          } else if (e.key === 'Escape' && query !== '') {
            e.preventDefault();
            setQuery('');
          }
        }}
      />
      <p id={hintId} className="palette-hint">
        {t('palette.hint')}
      </p>
      <div ref={listRef} className="palette-list">
        {sections.length === 0 && (
          <p className="palette-empty" data-testid="palette.empty">
            {t('palette.empty', { query })}
          </p>
        )}
        {sections.map((s) => (
          <section key={s.group} className="palette-group" aria-labelledby={`${headingId}-${s.group}`}>
            <h3 id={`${headingId}-${s.group}`}>{t(`palette.group.${s.group}`)}</h3>
            <ul>
              {s.items.map((item) => (
                <li key={item.op}>
                  <div
                    role="button"
                    tabIndex={0}
                    draggable
                    data-palette-item
                    data-testid={`palette.${item.op}`}
                    className={`palette-item palette-${s.group}`}
                    aria-label={t('palette.add', { op: item.op, formula: item.formula })}
                    title={t('palette.add', { op: item.op, formula: item.formula })}
                    onDragStart={(e) => {
                      e.dataTransfer.setData(PALETTE_MIME, item.op);
                      e.dataTransfer.effectAllowed = 'move';
                    }}
                    onKeyDown={(e) => onItemKey(e, item)}
                    onDoubleClick={() => add(item.op)}
                  >
                    <span className="palette-op">{item.op}</span>
                    <span className="palette-formula">{item.formula}</span>
                  </div>
                </li>
              ))}
            </ul>
          </section>
        ))}
      </div>
      <p className="panels-sr-only" role="status" data-testid="palette.status">
        {announcement}
      </p>
    </section>
  );
}
