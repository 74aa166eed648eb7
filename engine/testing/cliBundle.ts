import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import type { TestProject } from 'vitest/node';

/** The name under which the bundled command line's path is handed to the tests (`inject`). */
export const CLI_BUNDLE_KEY = 'cliBundle';

declare module 'vitest' {
  export interface ProvidedContext {
    cliBundle: string;
  }
}

/**
 * Vitest's global set-up: bundles the command line (engine/cli/main.ts) once into one file,
 * so each of the hundred-odd runs of the real command starts in a fraction of the time that
 * compiling its TypeScript on every start takes.
 */
export default async function setup(project: TestProject): Promise<() => void> {
  const dir = mkdtempSync(join(tmpdir(), 'gradcanvas-cli-'));
  const outfile = join(dir, 'main.mjs');
  await build({
    entryPoints: [fileURLToPath(new URL('../cli/main.ts', import.meta.url))],
    bundle: true,
    platform: 'node',
    format: 'esm',
    outfile,
    logLevel: 'warning',
  });
  project.provide(CLI_BUNDLE_KEY, outfile);
  return () => rmSync(dir, { recursive: true, force: true });
}
