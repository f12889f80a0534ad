import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

const infrastructure = [
  'express',
  'knex',
  'pg',
  'pino',
  'pino-http',
  'inversify',
  '@electric-sql/*',
  'knex-pglite',
];

export default tseslint.config(
  { ignores: ['dist/**', 'data/**', 'node_modules/**', 'bin/**', 'eslint.config.mjs'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      'no-console': 'error',
      'no-empty': ['error', { allowEmptyCatch: false }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', ignoreRestSiblings: true }],
    },
  },
  {
    // Domain code depends on nothing outside itself: no frameworks, no other layers.
    files: ['server/src/**/domain/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: infrastructure, message: 'domain code must not import infrastructure' },
            {
              group: ['**/application/**', '**/infrastructure/**', '**/http/**'],
              message: 'domain depends inward only',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['server/src/**/application/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['express', 'pg', '**/http/**'],
              message: 'use cases do not know about HTTP or drivers',
            },
          ],
        },
      ],
    },
  },
  {
    // chai assertions are expressions (`expect(x).to.exist`).
    files: ['server/test/**/*.ts'],
    rules: { '@typescript-eslint/no-unused-expressions': 'off' },
  },
  {
    // The CLI, benchmarks and scripts talk to a terminal by design.
    files: ['server/src/cli/**/*.ts', 'bench/**/*.ts', 'scripts/**/*.ts', 'scripts/**/*.mjs'],
    rules: { 'no-console': 'off' },
  },
  {
    // The web console: the rules of hooks, and no console.log left in what ships to browsers.
    files: ['web/src/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
    },
  },
);
