import { useCallback, useEffect, useId, useMemo, useRef, useState } from 'react';
import { useT } from '../i18n/useT';
import { useSession, useSessionApi } from '../session/useSession';
import { loadFailedNotice } from './loadFailed';
import { usePopover } from './usePopover';

/** The share-link writer, downloaded when the Share button is first reached (it carries the compression library). */
type ShareCodec = typeof import('../store/shareLink');
const loadCodec = (): Promise<ShareCodec> => import('../store/shareLink');

/** The Share button and, once pressed, a read-only field with the link of the current graph. */
export function ShareLink() {
  const t = useT();
  const panelId = useId();
  const session = useSessionApi();
  const doc = useSession((s) => s.history.present);
  const [open, setOpen] = useState(false);
  const [copied, setCopied] = useState(false);
  const [codec, setCodec] = useState<ShareCodec | null>(null);
  const root = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const field = useRef<HTMLInputElement>(null);
  const close = useCallback(() => setOpen(false), []);
  usePopover(open, close, root, button);
  // Follows the graph while the field is open, so the link never shares a stale version.
  const link = useMemo(() => (open && codec ? codec.shareLink(doc, window.location) : ''), [open, doc, codec]);
  const ready = codec !== null;

  useEffect(() => setCopied(false), [link]);
  useEffect(() => {
    if (open && ready) field.current?.select();
  }, [open, ready]);

  const share = async () => {
    let writer: ShareCodec;
    try {
      writer = codec ?? (await loadCodec());
    } catch (e) {
      session.notify(loadFailedNotice(e));
      return;
    }
    setCodec(writer);
    setOpen(true);
    try {
      await navigator.clipboard.writeText(writer.shareLink(session.state.history.present, window.location));
      setCopied(true);
    } catch {
      // Clipboard access can be refused; the field is there to copy by hand.
      setCopied(false);
    }
  };

  return (
    <div className="share" ref={root}>
      <button ref={button} type="button" data-testid="file.share" title={t('shell.file.shareHint')} aria-expanded={open} aria-controls={panelId} onClick={() => void share()} onPointerEnter={() => void loadCodec().catch(() => undefined)}>
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
