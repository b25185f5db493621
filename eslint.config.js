// Type-aware lint: the gates of STYLE §14 (no floating promises, exhaustive switches, no any,
// no imports into another module's inside).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

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
            { group: ['**/modules/*/*', '!**/modules/*/index.js'], message: intoAnotherModule },
          ],
        },
      ],
    },
  },
  {
    files: ['server/modules/*/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['../*/*', '!../*/index.js'], message: intoAnotherModule }] },
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
    files: ['**/*.js'],
    ...tseslint.configs.disableTypeChecked,
  },
);
