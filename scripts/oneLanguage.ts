// A Vite plugin: a messages module imported with `?lang=en` or `?lang=ja` is served as that
// language's strings only, so the page downloads the strings of the language it shows.
import { existsSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { HtmlTagDescriptor, Plugin } from 'vite';

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

/**
 * A script for the page's head that starts the download of the strings of the language the page
 * will show, alongside its own code rather than after it: the choice src/i18n/language.ts makes
 * (the language saved under `storageKey`, else Japanese for a Japanese browser, else English).
 */
export function preloadScript(files: Readonly<Record<'en' | 'ja', string>>, storageKey: string): string {
  return `(function(){var f=${JSON.stringify(files)},l;try{l=localStorage.getItem(${JSON.stringify(storageKey)})}catch(e){}if(l!=="en"&&l!=="ja")l=/^ja/.test(navigator.language||"")?"ja":"en";var k=document.createElement("link");k.rel="modulepreload";k.href=f[l];document.head.appendChild(k)})()`;
}

/**
 * Serves `module.ts?lang=xx` as `export default { key: 'text in xx', … }`, read from the module's
 * `{ en, ja }` messages; in a build, the page's head preloads the strings of its language
 * (`storageKey` is where the page saves the chosen language).
 */
export function oneLanguage(storageKey: string): Plugin {
  let base = '/';
  return {
    name: 'gradcanvas-one-language',
    configResolved(config) {
      base = config.base;
    },
    transformIndexHtml: {
      order: 'post',
      handler(_html, ctx): HtmlTagDescriptor[] {
        // The dev server has no bundle: the strings download when the page asks for them.
        if (!ctx.bundle) return [];
        const files: Partial<Record<'en' | 'ja', string>> = {};
        for (const out of Object.values(ctx.bundle)) {
          const m = out.type === 'chunk' && out.facadeModuleId ? ONE_LANGUAGE.exec(out.facadeModuleId) : null;
          if (m) files[m[2] as 'en' | 'ja'] = base + out.fileName;
        }
        if (!files.en || !files.ja) return [];
        return [{ tag: 'script', children: preloadScript({ en: files.en, ja: files.ja }, storageKey), injectTo: 'head-prepend' }];
      },
    },
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
