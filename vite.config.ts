import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { oneLanguage } from './scripts/oneLanguage.ts';

/** Fails the build when a lesson file does not validate (docs/lessons.md), naming each problem. */
function validateLessons(): Plugin {
  return {
    name: 'gradcanvas-validate-lessons',
    async buildStart() {
      // Loaded through tsx when the build starts, so the config itself imports nothing from src/.
      const { tsImport } = await import('tsx/esm/api');
      const { validateCourse } = (await tsImport(new URL('./src/lessons/validateCourse.ts', import.meta.url).href, import.meta.url)) as typeof import('./src/lessons/validateCourse');
      const r = validateCourse();
      if (!r.ok) this.error(`The lesson files do not validate:\n${r.errors.join('\n')}`);
    },
  };
}

export default defineConfig({
  // The page saves its language under gradcanvas.lang (src/i18n/language.ts).
  plugins: [react(), validateLessons(), oneLanguage('gradcanvas.lang')],
  server: { port: 5173 },
  // playwright.config.ts serves the production build on this port.
  preview: { port: 4173, strictPort: true },
  // The manifest lists each chunk's static and dynamic imports, which the first-screen size budget reads
  // (scripts/sizeBudget.ts, e2e/size.spec.ts); the source maps tell which modules weigh most.
  build: { sourcemap: true, manifest: true },
});
