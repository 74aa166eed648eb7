import { useLanguage } from '../i18n/language';
import { useT } from '../i18n/useT';
import { noticeText } from './noticeText';
import { useSession, useSessionApi } from '../session/useSession';
import './notice.css';

/**
 * The last refused action or bad file, until dismissed: a plain sentence, the engine's
 * `path: message` lines, and the text of an unexpected failure folded away for a bug report.
 */
export function NoticeBar() {
  const t = useT();
  const session = useSessionApi();
  const lang = useLanguage((s) => s.lang);
  const stored = useSession((s) => s.notice);
  if (!stored) return null;
  // Worded now, from keys and parameters, so a switch of language rewords an open notice.
  const notice = noticeText(lang, stored);
  return (
    <div className={`notice notice-${notice.kind}`} role="alert" data-testid="notice">
      <div className="notice-body">
        <p className="notice-text" data-testid="notice.text">
          {notice.text}
        </p>
        {notice.details && (
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
