import { useCallback, useEffect, useId, useMemo, useRef, useState } from 'react';
import { useT } from '../i18n/useT';
import { useSession, useSessionApi } from '../session/useSession';
import { shareLink } from './fileActions';
import { usePopover } from './usePopover';

/** The Share button and, once pressed, a read-only field with the link of the current graph. */
export function ShareLink() {
  const t = useT();
  const panelId = useId();
  const session = useSessionApi();
  const doc = useSession((s) => s.history.present);
  const [open, setOpen] = useState(false);
  const [copied, setCopied] = useState(false);
  const root = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const field = useRef<HTMLInputElement>(null);
  const close = useCallback(() => setOpen(false), []);
  usePopover(open, close, root, button);
  // Follows the graph while the field is open, so the link never shares a stale version.
  const link = useMemo(() => (open ? shareLink(doc, window.location) : ''), [open, doc]);

  useEffect(() => setCopied(false), [link]);
  useEffect(() => {
    if (open) field.current?.select();
  }, [open]);

  const share = async () => {
    setOpen(true);
    try {
      await navigator.clipboard.writeText(shareLink(session.state.history.present, window.location));
      setCopied(true);
    } catch {
      // Clipboard access can be refused; the field is there to copy by hand.
      setCopied(false);
    }
  };

  return (
    <div className="share" ref={root}>
      <button ref={button} type="button" data-testid="file.share" title={t('shell.file.shareHint')} aria-expanded={open} aria-controls={panelId} onClick={() => void share()}>
        {t('shell.file.share')}
      </button>
      {open && (
        <div id={panelId} className="popover share-panel">
          <input
            ref={field}
            className="share-field"
            data-testid="file.shareLink"
            aria-label={t('shell.file.shareLink')}
            readOnly
            value={link}
            onFocus={(e) => e.currentTarget.select()}
          />
          <span className="share-state" role="status" data-testid="file.shareState">
            {copied ? t('shell.file.shareCopied') : t('shell.file.shareReady')}
          </span>
          <button type="button" className="share-close" data-testid="file.shareClose" aria-label={t('notice.close')} onClick={close}>
            ×
          </button>
        </div>
      )}
    </div>
  );
}
