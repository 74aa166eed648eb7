import { useCallback, useEffect, useId, useRef, useState } from 'react';
import { useLanguage } from '../i18n/language';
import { useT } from '../i18n/useT';
import { useRecent, useWorkspace } from '../session/useSession';
import { discardRecent, exportRecentRaw, openRecent, recentName } from './recentActions';
import { usePopover } from './usePopover';
import './recent.css';

/** `12 May 2025, 14:03` in the interface language; nothing for a time the list does not know. */
function savedTime(savedAt: number, lang: string): string {
  if (savedAt <= 0) return '';
  return new Intl.DateTimeFormat(lang === 'ja' ? 'ja-JP' : 'en-GB', { dateStyle: 'medium', timeStyle: 'short' }).format(savedAt);
}

/**
 * The Recent documents behind a disclosure button, most recent first. Picking one opens
 * it (it becomes first); the open one is marked. A damaged one cannot be opened, so it
 * offers its raw text for download and a Discard, and stays until discarded.
 */
export function RecentMenu() {
  const t = useT();
  const lang = useLanguage((s) => s.lang);
  const listId = useId();
  const ws = useWorkspace();
  const entries = useRecent((s) => s.entries);
  const currentId = useRecent((s) => s.currentId);
  const [open, setOpen] = useState(false);
  const root = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const close = useCallback(() => setOpen(false), []);
  usePopover(open, close, root, button);

  // Focus the first entry when the list opens, so Tab and Enter work straight away.
  useEffect(() => {
    if (open) root.current?.querySelector<HTMLButtonElement>('[data-recent]')?.focus();
  }, [open]);

  const pick = (id: string) => {
    setOpen(false);
    button.current?.focus();
    if (id !== currentId) openRecent(ws, id, lang);
  };

  return (
    <div className="recent-menu" ref={root}>
      <button ref={button} type="button" data-testid="file.recent" title={t('shell.recent.hint')} aria-expanded={open} aria-controls={listId} onClick={() => setOpen((o) => !o)}>
        {t('shell.file.recent')} ▾
      </button>
      {open && (
        <div id={listId} className="popover recent-panel" role="group" aria-label={t('shell.recent.label')} data-testid="file.recentList">
          {entries.length === 0 && <p className="recent-empty">{t('shell.recent.empty')}</p>}
          <ul className="recent-list">
            {entries.map((e, i) => {
              const name = recentName(e, lang);
              const time = savedTime(e.savedAt, lang);
              const current = e.id === currentId;
              if (e.damaged) {
                return (
                  <li key={e.id} className="recent-item recent-item--damaged" data-testid={`file.recent.${i}`} data-damaged="true">
                    <span className="recent-name">{name}</span>
                    <span className="recent-meta">
                      <span className="recent-badge">{t('shell.recent.damaged')}</span> {time}
                    </span>
                    <span className="recent-actions">
                      <button type="button" data-recent data-testid={`file.recent.${i}.export`} aria-label={t('shell.recent.exportRawFor', { name })} onClick={() => exportRecentRaw(ws, e.id)}>
                        {t('shell.recent.exportRaw')}
                      </button>
                      <button type="button" data-testid={`file.recent.${i}.discard`} aria-label={t('shell.recent.discardFor', { name })} onClick={() => discardRecent(ws, e.id)}>
                        {t('shell.recent.discard')}
                      </button>
                    </span>
                  </li>
                );
              }
              return (
                <li key={e.id} className="recent-item" data-testid={`file.recent.${i}`}>
                  <button type="button" data-recent data-testid={`file.recent.${i}.open`} aria-current={current ? 'true' : undefined} onClick={() => pick(e.id)}>
                    <span className="recent-name">{name}</span>
                    <span className="recent-meta">{current ? `${t('shell.recent.current')} · ${time}` : time}</span>
                  </button>
                </li>
              );
            })}
          </ul>
        </div>
      )}
    </div>
  );
}
