import { useT } from '../i18n/useT';
import { useSession, useSessionApi } from '../session/useSession';
import './notice.css';

/**
 * The last refused action or bad file, until dismissed: a plain sentence, the engine's
 * `path: message` lines, and the text of an unexpected failure folded away for a bug report.
 */
export function NoticeBar() {
  const t = useT();
  const session = useSessionApi();
  const notice = useSession((s) => s.notice);
  if (!notice) return null;
  return (
    <div className={`notice notice-${notice.kind}`} role="alert" data-testid="notice">
      <div className="notice-body">
        <p className="notice-text" data-testid="notice.text">
          {notice.text}
        </p>
        {notice.details && notice.details.length > 0 && (
          <ul className="notice-details" aria-label={t('shell.notice.details')} data-testid="notice.details">
            {notice.details.map((d, i) => (
              <li key={i}>{d}</li>
            ))}
          </ul>
        )}
        {notice.technical && (
          <details className="notice-technical" data-testid="notice.technical">
            <summary>{t('shell.notice.technical')}</summary>
            <pre>{notice.technical}</pre>
          </details>
        )}
      </div>
      <button type="button" className="notice-close" data-testid="notice.close" onClick={() => session.notify(null)}>
        {t('notice.close')}
      </button>
    </div>
  );
}
