import { existsSync } from 'node:fs';
import { configDefaults, defineConfig } from 'vitest/config';
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

/** Every test file. */
const TESTS = ['engine/**/*.test.ts', 'src/**/*.test.ts', 'bench/**/*.test.ts', 'scripts/**/*.test.ts'];
/** Test files that mock a module, and so run isolated. */
const MOCKING = '**/*.mock.test.ts';

export default defineConfig({
  plugins: [oneLanguage('gradcanvas.lang')],
  test: {
    testTimeout: 60_000,
    pool: 'threads',
    // Test files share their worker thread's modules: starting each in a fresh one took over half
    // the run. A file that mocks a module (*.mock.test.ts; eslint.config.js keeps vi.mock there)
    // runs isolated, so the mock reaches no other file.
    projects: [
      { extends: true, test: { name: 'unit', isolate: false, include: TESTS, exclude: [...configDefaults.exclude, MOCKING] } },
      { extends: true, test: { name: 'mocking', isolate: true, include: TESTS.map((glob) => glob.replace('*.test.ts', '*.mock.test.ts')) } },
    ],
    // The command line's tests start it a hundred-odd times: it is bundled once, before them.
    globalSetup: ['engine/testing/cliBundle.ts'],
    // The first screen's strings, which the page downloads in its language, in both languages.
    setupFiles: ['src/i18n/testSetup.ts'],
    env: pinnedPytorch,
  },
});
