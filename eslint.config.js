// Type-aware lint: the gates of STYLE §14 (no floating promises, exhaustive switches, no any,
// no imports into another module's inside).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

// A module's test-support.ts (fixtures for tests) may be imported by other modules' tests too.
const intoAnotherModule = 'Import another module only through its index.ts.';

export default tseslint.config(
  { ignores: ['node_modules', 'data', 'web/dist', 'coverage', '.tmp'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: {
        projectService: true,
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': 'error',
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '(^|/)modules/[^/]+/(?!(index|test-support)\\.js$)',
              message: intoAnotherModule,
            },
          ],
        },
      ],
    },
  },
  {
    // Inside a module, '../<other>/…' (or '../../<other>/…' one folder down) is another module.
    files: ['server/modules/*/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '^\\.\\./(?!\\.\\./)[^/]+/(?!(index|test-support)\\.js$)',
              message: intoAnotherModule,
            },
          ],
        },
      ],
    },
  },
  {
    files: ['server/modules/*/*/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '^\\.\\./\\.\\./(?!\\.\\./)[^/]+/(?!(index|test-support)\\.js$)',
              message: intoAnotherModule,
            },
          ],
        },
      ],
    },
  },
  {
    files: ['web/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['**/server/**'], message: 'The web never imports server code.' }] },
      ],
    },
  },
  {
    // Tests read JSON bodies (`res.json()` is any) and assert on them directly.
    files: ['**/*.test.ts', 'tests/**/*.ts'],
    rules: {
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
    },
  },
  {
    files: ['**/*.js'],
    ...tseslint.configs.disableTypeChecked,
  },
);
