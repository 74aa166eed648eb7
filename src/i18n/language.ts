import { create } from 'zustand';

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

/** The chosen language, remembered across reloads. */
export const useLanguage = create<{ lang: Language; setLang(lang: Language): void }>()((set) => ({
  lang: initial(),
  setLang(lang) {
    try {
      globalThis.localStorage?.setItem(LANGUAGE_KEY, lang);
    } catch {
      // Not remembered, but still switched.
    }
    document.documentElement.lang = lang;
    set({ lang });
  },
}));
