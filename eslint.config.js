// Type-aware linting for everything TypeScript in the repository; formatting is Prettier's.
import js from '@eslint/js'
import prettier from 'eslint-config-prettier/flat'
import tseslint from 'typescript-eslint'

export default tseslint.config(
  { ignores: ['dist/', 'coverage/', 'node_modules/'] },
  js.configs.recommended,
  ...tseslint.configs.strictTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: { allowDefaultProject: ['*.js'] }, tsconfigRootDir: import.meta.dirname }
    },
    rules: {
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
      '@typescript-eslint/no-confusing-void-expression': ['error', { ignoreArrowShorthand: true, ignoreVoidReturningFunctions: true }],
      // Control characters are exactly what the input rules look for.
      'no-control-regex': 'off',
      // One import per module: two are how imports drift apart.
      'no-duplicate-imports': 'error'
    }
  },
  {
    files: ['__tests__/**/*.ts'],
    rules: {
      // Tests read values they have just asserted on.
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off'
    }
  },
  { files: ['**/*.js'], ...tseslint.configs.disableTypeChecked },
  prettier
)
