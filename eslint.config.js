// House rules of ../shared/STYLE.md, enforced by lint rather than review.
import js from '@eslint/js'
import reactHooks from 'eslint-plugin-react-hooks'
import tseslint from 'typescript-eslint'

const noExportStar = {
  selector: 'ExportAllDeclaration',
  message: 'No `export *` barrels: import from the file that defines the thing.',
}
// One clock (server/clock/clock.ts): server code never reads the wall clock on its own, so a
// server started on a test's clock agrees with itself whatever today's date is.
const noWallClock = [
  {
    selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']",
    message:
      'Read the server clock (services.now / Clock from server/clock/clock.ts), not Date.now().',
  },
  {
    selector: "NewExpression[callee.name='Date'][arguments.length=0]",
    message:
      'Read the server clock (services.now / Clock from server/clock/clock.ts), not new Date().',
  },
]
const noInnerHtml = {
  selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']",
  message: 'Render content as text; raw HTML goes only through the one sanitising component.',
}

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'coverage/**', 'data/**', 'bench/results/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2023, sourceType: 'module' },
    rules: {
      'no-restricted-syntax': ['error', noExportStar],
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    files: ['server/**/*.ts', 'shared/**/*.ts'],
    rules: {
      // The logger never logs content; console would bypass it.
      'no-console': 'error',
    },
  },
  {
    // Reads moved to async (issue 21) must be awaited: a guard whose promise is dropped checks
    // nothing. Type-aware, so the server's code only.
    files: ['server/**/*.ts'],
    languageOptions: { parserOptions: { projectService: true } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: false }],
    },
  },
  {
    files: ['server/**/*.ts'],
    ignores: ['server/clock/clock.ts', 'server/**/test/**', 'server/**/*.test.ts'],
    rules: {
      'no-restricted-syntax': ['error', noExportStar, ...noWallClock],
    },
  },
  {
    files: ['client/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-console': 'error',
      'no-restricted-syntax': ['error', noExportStar, noInnerHtml],
      'no-restricted-globals': [
        'error',
        { name: 'localStorage', message: 'No health content in browser storage (C22).' },
        { name: 'sessionStorage', message: 'No health content in browser storage (C22).' },
        { name: 'indexedDB', message: 'No health content in browser storage (C22).' },
      ],
      'no-restricted-properties': [
        'error',
        { object: 'window', property: 'localStorage', message: 'C22' },
        { object: 'window', property: 'indexedDB', message: 'C22' },
      ],
    },
  },
  {
    files: ['client/**/*.{ts,tsx}'],
    ignores: ['client/video/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'livekit-client', message: 'Import livekit-client only in client/video/.' },
          ],
        },
      ],
    },
  },
)
