import { useLanguage } from '../i18n/language';
import { useT } from '../i18n/useT';

/** Switches between English and Japanese; the choice is remembered in local storage. */
export function LanguageSwitch() {
  const t = useT();
  const lang = useLanguage((s) => s.lang);
  const other = lang === 'en' ? 'ja' : 'en';
  return (
    <button type="button" className="lang-switch" data-testid="toolbar.lang" lang={other} aria-label={t('lang.switchLabel')} onClick={() => useLanguage.getState().setLang(other)}>
      {t('lang.switch')}
    </button>
  );
}
