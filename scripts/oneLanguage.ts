// A Vite plugin: a messages module imported with `?lang=en` or `?lang=ja` is served as that
// language's strings only, so the page downloads the strings of the language it shows.
import { existsSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Plugin } from 'vite';

/** An import of one language's strings: `./firstScreenMessages.ts?lang=ja`. */
const ONE_LANGUAGE = /^(.+\.ts)\?lang=(en|ja)$/;

/** One language's strings from a module's exports: every exported object of `{ en, ja }` messages, merged. */
export function languageStrings(exports: Readonly<Record<string, unknown>>, lang: 'en' | 'ja'): Record<string, string> {
  const strings: Record<string, string> = {};
  for (const [name, value] of Object.entries(exports)) {
    if (typeof value !== 'object' || value === null) continue;
    for (const [key, message] of Object.entries(value as Record<string, unknown>)) {
      const text = (message as Partial<Record<'en' | 'ja', unknown>> | null)?.[lang];
      if (typeof text !== 'string') throw new Error(`${name}.${key} has no ${lang} text: a module imported with ?lang= exports only { en, ja } messages`);
      strings[key] = text;
    }
  }
  return strings;
}

/** Serves `module.ts?lang=xx` as `export default { key: 'text in xx', … }`, read from the module's `{ en, ja }` messages. */
export function oneLanguage(): Plugin {
  return {
    name: 'gradcanvas-one-language',
    async load(id) {
      const m = ONE_LANGUAGE.exec(id);
      if (!m) return null;
      const [, path, lang] = m;
      // The module and the message files it reads are plain data: run them through tsx (a fresh copy each time).
      const { tsImport } = await import('tsx/esm/api');
      const exports = (await tsImport(pathToFileURL(path).href, import.meta.url)) as Record<string, unknown>;
      // The dev server reloads the strings when the module or a message file beside it changes.
      this.addWatchFile(path);
      const messagesDir = join(dirname(path), 'messages');
      if (existsSync(messagesDir)) for (const file of readdirSync(messagesDir)) this.addWatchFile(join(messagesDir, file));
      return `export default ${JSON.stringify(languageStrings(exports, lang as 'en' | 'ja'))};`;
    },
  };
}
