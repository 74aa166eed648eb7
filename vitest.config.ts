import { existsSync } from 'node:fs';
import { defineConfig } from 'vitest/config';
import { oneLanguage } from './scripts/oneLanguage.ts';

/**
 * The PyTorch the tests compare with computes on the reference BLAS in one thread, the setup
 * float32 results are bit-exact to (docs/graph-format.md, "Number type"). Debian switches
 * libblas.so.3 to OpenBLAS when a package pulls it in; its library path puts the reference back.
 */
const REFERENCE_BLAS = '/usr/lib/x86_64-linux-gnu/blas';
const pinnedPytorch = {
  OMP_NUM_THREADS: '1',
  ...(existsSync(REFERENCE_BLAS) ? { LD_LIBRARY_PATH: [REFERENCE_BLAS, process.env.LD_LIBRARY_PATH].filter(Boolean).join(':') } : {}),
};

export default defineConfig({
  plugins: [oneLanguage('gradcanvas.lang')],
  test: {
    include: ['engine/**/*.test.ts', 'src/**/*.test.ts', 'bench/**/*.test.ts', 'scripts/**/*.test.ts'],
    testTimeout: 60_000,
    // The command line's tests start it a hundred-odd times: it is bundled once, before them.
    globalSetup: ['engine/testing/cliBundle.ts'],
    // The first screen's strings, which the page downloads in its language, in both languages.
    setupFiles: ['src/i18n/testSetup.ts'],
    env: pinnedPytorch,
  },
});
