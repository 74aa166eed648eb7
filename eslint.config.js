// @ts-check
import js from '@eslint/js';
import { defineConfig, globalIgnores } from 'eslint/config';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/** Packages the engine may not import: it runs the same in Node, a Worker and the CLI. */
const ENGINE_FORBIDDEN_PACKAGES = [
  'react',
  'react/*',
  'react-dom',
  'react-dom/*',
  '@xyflow/*',
  'd3',
  'd3-*',
  'immer',
  'zustand',
  'zustand/*',
  'vite',
  'vite/*',
  '@vitejs/*',
  '@playwright/*',
  'playwright',
  'playwright-core',
  'jsdom',
  'happy-dom',
  '@testing-library/*',
];

/** Browser-only globals the engine may not touch (standard ones Node also has, like URL, stay allowed). */
const ENGINE_FORBIDDEN_GLOBALS = [
  'window',
  'self',
  'document',
  'navigator',
  'location',
  'history',
  'localStorage',
  'sessionStorage',
  'indexedDB',
  'alert',
  'confirm',
  'prompt',
  'requestAnimationFrame',
  'cancelAnimationFrame',
  'requestIdleCallback',
  'getComputedStyle',
  'matchMedia',
  'devicePixelRatio',
  'HTMLElement',
  'HTMLCanvasElement',
  'Element',
  'Node',
  'MouseEvent',
  'KeyboardEvent',
  'DOMParser',
  'XMLHttpRequest',
  'Worker',
  'postMessage',
  'onmessage',
  'Image',
  'FileReader',
].map((name) => ({ name, message: `engine/ must not depend on the DOM or browser APIs ('${name}'): it runs the same in Node, a Worker and the CLI.` }));

/** What every engine file may not import: src/, UI, DOM and build-tool packages. */
const ENGINE_BOUNDARY = [
  {
    group: ['**/src', '**/src/**'],
    message: 'engine/ must not import from src/: dependencies point src → engine only.',
  },
  {
    group: ENGINE_FORBIDDEN_PACKAGES,
    message: 'engine/ must not import UI, DOM or build-tool packages: it runs the same in Node, a Worker and the CLI.',
  },
];

/** The engine's folders from the bottom up: each may import only those before it (limits.ts, at the bottom, imports nothing). */
const ENGINE_LAYERS = ['tensor', 'graph', 'ops', 'exec', 'optim', 'train', 'gradcheck', 'format', 'codegen', 'pyimport', 'cli', 'testing'];

export default defineConfig([
  globalIgnores(['dist/', 'dist-*/', 'test-results-*/', 'node_modules/', 'test-results/', 'playwright-report/', 'coverage/', '.vite/']),

  js.configs.recommended,
  tseslint.configs.recommended,

  {
    rules: {
      // Engine kernels name unused parameters `_x`; array patterns use holes or `_`-names.
      '@typescript-eslint/no-unused-vars': [
        'error',
        {
          argsIgnorePattern: '^_',
          varsIgnorePattern: '^_',
          caughtErrorsIgnorePattern: '^_',
          destructuredArrayIgnorePattern: '^_',
        },
      ],
    },
  },

  // The React app runs in the browser.
  {
    files: ['src/**/*.{ts,tsx}'],
    languageOptions: { globals: globals.browser },
  },

  // Config files, e2e tests, the bench and the engine's CLI run in Node.
  {
    files: ['*.{js,ts}', 'e2e/**/*.ts', 'bench/**/*.ts', 'engine/cli/**/*.ts'],
    languageOptions: { globals: globals.node },
  },

  // The engine is pure TypeScript: no src/, no UI libraries, no DOM (see docs/DESIGN.md).
  {
    files: ['engine/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: ENGINE_BOUNDARY }],
      'no-restricted-globals': ['error', ...ENGINE_FORBIDDEN_GLOBALS],
    },
  },

  // Engine folders import only downward (engine/README.md); tests may also use what is above.
  ...ENGINE_LAYERS.slice(0, -1).map((folder, i) => ({
    files: [`engine/${folder}/**/*.ts`],
    ignores: ['**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            ...ENGINE_BOUNDARY,
            {
              group: ENGINE_LAYERS.slice(i + 1).flatMap((upper) => [`../${upper}`, `../${upper}/**`, `../../${upper}`, `../../${upper}/**`]),
              message: `engine/${folder}/ may import only the folders below it: ${ENGINE_LAYERS.slice(0, i).join(', ') || 'none'} (engine/README.md).`,
            },
          ],
        },
      ],
    },
  })),
  // The app reaches the engine only through its public face, engine/index.ts; its tests may
  // also use the engine's test harness (engine/testing/), which runs PyTorch and never ships.
  {
    files: ['src/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/engine/*', '!**/engine/index', '**/engine/*/**'],
              message: 'src/ imports the engine only through engine/index.ts, its public face.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/**/*.test.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/engine/*', '!**/engine/index', '!**/engine/testing', '**/engine/*/**', '!**/engine/testing/**'],
              message: 'src/ imports the engine only through engine/index.ts (tests may also use engine/testing/).',
            },
          ],
        },
      ],
    },
  },

  // Test files share their worker's modules (vitest.config.ts): only a *.mock.test.ts, which runs on its own, may mock a module.
  {
    files: ['**/*.test.{ts,tsx}'],
    ignores: ['**/*.mock.test.{ts,tsx}'],
    rules: {
      'no-restricted-properties': [
        'error',
        ...['mock', 'doMock', 'unmock', 'resetModules'].map((property) => ({
          object: 'vi',
          property,
          message: 'Test files share modules with the files run before them; a test that mocks a module goes in a *.mock.test.ts file, which runs isolated.',
        })),
      ],
    },
  },
]);
