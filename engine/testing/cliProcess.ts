import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { inject } from 'vitest';

/** The repository's root directory. */
export const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** A shipped example's path. */
export const examplePath = (name: string): string => join(ROOT, 'public/examples', `${name}.json`);

/** A shared data file's path (../shared/data beside the repository). */
export const sharedDataPath = (name: string): string => fileURLToPath(new URL(`../../../shared/data/${name}`, import.meta.url));

/** What one run of the command line printed. */
export interface CliRun {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
  /** stdout's lines, without the trailing newline. */
  readonly lines: string[];
}

/** How the command starts: the bundle Vitest's set-up built (engine/testing/cliBundle.ts), else its TypeScript through tsx. */
function cliCommand(): string[] {
  const bundle = inject('cliBundle');
  return bundle ? [bundle] : ['--import', 'tsx', join(ROOT, 'engine/cli/main.ts')];
}

/** Runs the real command, `npm run cli -- …` without npm's banner. */
export function runCli(...args: string[]): CliRun {
  const r = spawnSync(process.execPath, [...cliCommand(), ...args], { cwd: ROOT, encoding: 'utf8', maxBuffer: 1 << 26 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr, lines: r.stdout.trimEnd().split('\n') };
}
