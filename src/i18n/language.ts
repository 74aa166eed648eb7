import { create } from 'zustand';
import { loadLanguage } from './languageStrings';

/** The interface languages. */
export type Language = 'en' | 'ja';

/** The local-storage key of the chosen language. */
const LANGUAGE_KEY = 'gradcanvas.lang';

function initial(): Language {
  try {
    const saved = globalThis.localStorage?.getItem(LANGUAGE_KEY);
    if (saved === 'en' || saved === 'ja') return saved;
  } catch {
    // Storage can be unavailable (private mode); English then.
  }
  return globalThis.navigator?.language?.startsWith('ja') ? 'ja' : 'en';
}

/** The chosen language, remembered across reloads; a switch waits for that language's strings to download, then shows them. */
export const useLanguage = create<{ lang: Language; setLang(lang: Language): Promise<void> }>()((set) => ({
  lang: initial(),
  async setLang(lang) {
    await loadLanguage(lang);
    try {
      globalThis.localStorage?.setItem(LANGUAGE_KEY, lang);
    } catch {
      // Not remembered, but still switched.
    }
    document.documentElement.lang = lang;
    set({ lang });
  },
}));
