import nextVitals from 'eslint-config-next/core-web-vitals';
import nextTs from 'eslint-config-next/typescript';
import drizzle from 'eslint-plugin-drizzle';
import local from './eslint-rules/index.mjs';

const SOURCES = ['**/*.{ts,tsx,mts,js,jsx,mjs}'];
const DATABASE_PACKAGES = ['drizzle-orm', 'pg', '@electric-sql/pglite'];

const config = [
  ...nextVitals,
  ...nextTs,
  {
    plugins: { drizzle },
    rules: {
      // An update or delete without a WHERE clause is never what we mean.
      'drizzle/enforce-delete-with-where': ['error', { drizzleObjectName: ['db', 'tx'] }],
      'drizzle/enforce-update-with-where': ['error', { drizzleObjectName: ['db', 'tx'] }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },

  // Import boundaries (README "How it is built"). Zones are globs, so a new file in a zone is
  // held to its boundary; eslint-rules/ resolves `@/` and relative imports alike.
  { files: SOURCES, plugins: { local }, rules: { 'local/client-imports': 'error' } },
  {
    files: ['app/**', 'components/**'],
    rules: {
      'local/import-boundaries': [
        'error',
        {
          zone: 'app/ and components/',
          forbidPaths: ['db'],
          forbidPackages: DATABASE_PACKAGES,
          because: 'screens read and write through lib/ (its queries take the database and the customer); use @/lib/db for the handle',
        },
      ],
    },
  },
  {
    files: ['lib/rules/**'],
    rules: {
      'local/import-boundaries': [
        'error',
        {
          zone: 'lib/rules',
          onlyPaths: ['lib/rules'],
          allowPackages: [],
          allowBuiltins: false,
          because: 'the contract terms are pure: no I/O, no clock, nothing outside lib/rules',
        },
      ],
    },
  },
  {
    // The rules' tests may use the test runner and property testing, and still nothing else.
    files: ['lib/rules/**/*.test.ts'],
    rules: {
      'local/import-boundaries': [
        'error',
        {
          zone: 'lib/rules tests',
          onlyPaths: ['lib/rules'],
          allowPackages: ['vitest', 'fast-check'],
          allowBuiltins: false,
          because: 'the tests of the terms use only the terms, vitest and fast-check',
        },
      ],
    },
  },
  {
    files: ['db/**'],
    rules: {
      'local/import-boundaries': [
        'error',
        {
          zone: 'db/',
          onlyPaths: ['db'],
          because: 'the database layer is the bottom layer: lib/ uses it, never the other way round (demo data lives in lib/demo)',
        },
      ],
    },
  },
  {
    ignores: [
      '.next/**',
      '.data/**',
      'node_modules/**',
      'db/migrations/**',
      'test-results/**',
      'playwright-report/**',
      'next-env.d.ts',
      // Modules that the boundary test's misplaced imports point at (test/lint-boundaries.test.ts).
      'test/fixtures/lint/**',
    ],
  },
];

export default config;
