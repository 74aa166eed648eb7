import type { Language } from './language';
import { addStrings, type Strings } from './messages';

/** The first screen's strings of each language, served one language per module (scripts/oneLanguage.ts). */
const DOWNLOADS: Record<Language, () => Promise<{ default: Strings }>> = {
  en: () => import('./firstScreenMessages.ts?lang=en'),
  ja: () => import('./firstScreenMessages.ts?lang=ja'),
};

const downloads = new Map<Language, Promise<void>>();

/** Downloads the first screen's strings in `lang` once and registers them; a failed download is tried again on the next call. */
export function loadLanguage(lang: Language): Promise<void> {
  let download = downloads.get(lang);
  if (!download) {
    download = DOWNLOADS[lang]().then((m) => addStrings(lang, m.default));
    download.catch(() => downloads.delete(lang));
    downloads.set(lang, download);
  }
  return download;
}
