import { useT } from '../i18n/useT';
import './crash.css';

/** What the crash screen can do, given by the error boundary around the app. */
export interface CrashScreenProps {
  /** The text of the failure, shown folded away for a bug report. */
  readonly technical: string;
  onExport(): void;
  onNew(): void;
}

/**
 * Shown instead of the editor when drawing it failed: a plain message and the two ways out,
 * never a blank page. The document stays in Recent either way.
 */
export function CrashScreen({ technical, onExport, onNew }: CrashScreenProps) {
  const t = useT();
  return (
    <main className="crash" role="alert" data-testid="crash">
      <h1>{t('shell.crash.title')}</h1>
      <p>{t('shell.crash.body')}</p>
      <div className="crash-actions">
        <button type="button" data-testid="crash.export" onClick={onExport}>
          {t('shell.crash.export')}
        </button>
        <button type="button" data-testid="crash.new" onClick={onNew}>
          {t('shell.crash.new')}
        </button>
      </div>
      <details className="crash-technical">
        <summary>{t('shell.notice.technical')}</summary>
        <pre>{technical}</pre>
      </details>
    </main>
  );
}
