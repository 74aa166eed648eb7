import { useLanguage } from '../i18n/language';
import { loadLanguage } from '../i18n/languageStrings';
import { useT } from '../i18n/useT';
import { useSessionApi } from '../session/useSession';
import { loadFailedNotice } from './loadFailed';

/** Switches between English and Japanese once the other language's strings are here; the choice is remembered in local storage. */
export function LanguageSwitch() {
  const t = useT();
  const session = useSessionApi();
  const lang = useLanguage((s) => s.lang);
  const other = lang === 'en' ? 'ja' : 'en';
  return (
    <button
      type="button"
      className="lang-switch"
      data-testid="toolbar.lang"
      lang={other}
      aria-label={t('lang.switchLabel')}
      // Reaching the switch starts downloading the other language's strings, so pressing it flips at once.
      onPointerEnter={() => void loadLanguage(other).catch(() => undefined)}
      onFocus={() => void loadLanguage(other).catch(() => undefined)}
      onClick={() => useLanguage.getState().setLang(other).catch((e: unknown) => session.notify(loadFailedNotice(e)))}
    >
      {t('lang.switch')}
    </button>
  );
}
