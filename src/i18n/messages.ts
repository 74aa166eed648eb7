import type { Language } from './language';

// The first screen's strings (firstScreenMessages.ts) download in the language the page shows
// (languageStrings.ts). The strings of parts that load on first use register in both languages as
// their code loads (addMessages): the plots (plots/plotMessages.ts), the Data panel and CSV reading
// (datasets/), the training panel (training/trainingMessages.ts), the code panel
// (code/importText.ts), the step explanation (stepper/StepDetails.tsx), the lessons
// (lessons/lessonMessages.ts), the palette (panels/paletteGroups.ts) and the examples (shell/exampleText.ts).

/** A string in both languages. */
export interface Message {
  readonly en: string;
  readonly ja: string;
}

/** Strings of one language by key. */
export type Strings = Readonly<Record<string, string>>;

/** The strings known so far, per language. */
const known: Record<Language, Record<string, string>> = { en: {}, ja: {} };

/** The text of `key` in `lang`, if its strings are here. */
export function messageText(lang: Language, key: string): string | undefined {
  return Object.hasOwn(known[lang], key) ? known[lang][key] : undefined;
}

/** Whether `key` names an interface string (in either language downloaded so far). */
export function hasMessage(key: string): boolean {
  return Object.hasOwn(known.en, key) || Object.hasOwn(known.ja, key);
}

/** Adds one language's strings (the first screen's, as they download). */
export function addStrings(lang: Language, strings: Strings): void {
  Object.assign(known[lang], strings);
}

/** Adds the strings of a part of the page that loads on first use, in both languages (its panel registers them as its code loads). */
export function addMessages(more: Readonly<Record<string, Message>>): void {
  for (const [key, m] of Object.entries(more)) {
    known.en[key] = m.en;
    known.ja[key] = m.ja;
  }
}
