// Lint config: typescript-eslint's recommended rules plus the import boundaries of STYLE.md.
//
// Boundaries are `no-restricted-imports` per folder. In a flat config the last matching object
// wins for a rule, so every folder below gets ONE rule entry holding all of its restrictions.
import { builtinModules } from 'node:module'
import js from '@eslint/js'
import { defineConfig, globalIgnores } from 'eslint/config'
import globals from 'globals'
import { importX } from 'eslint-plugin-import-x'
import tseslint from 'typescript-eslint'

// ---- what an import source may look like -------------------------------------------------------

const nodeBuiltins = builtinModules.filter((name) => !name.startsWith('_')).map(escapeRegex)

/** A relative import that walks into a folder named `name` (`../../server/app.ts`). */
const relativeInto = (...names) => `^\\.\\.?/(?:.*/)?(?:${names.join('|')})(?:/|$)`
/** A package import, with or without a subpath (`react`, `react-dom/client`). */
const pkg = (...names) => `^(?:${names.map(escapeRegex).join('|')})(?:/|$)`

const restrict = {
  react: { regex: pkg('react', 'react-dom'), message: 'shared/ runs on the server too: no React.' },
  hono: { regex: pkg('hono', '@hono/node-server'), message: 'shared/ may not depend on Hono.' },
  ws: { regex: pkg('ws'), message: '`ws` is a Node package for server/; browsers have WebSocket built in.' },
  node: {
    regex: `^(?:node:|(?:${nodeBuiltins.join('|')})(?:/|$))`,
    message: 'This code runs in the browser: no node:* or other Node builtin modules.',
  },
  lowdb: { regex: pkg('lowdb'), message: 'lowdb is only used by server/storage.' },
  yjs: {
    regex: pkg('yjs'),
    message: 'Only shared/doc, client/sync, server/rooms and server/storage touch Y.*; use shared/doc.',
  },
  yProtocols: {
    regex: pkg('y-protocols', 'y-websocket', 'lib0'),
    message:
      'Only shared/doc, shared/protocol, client/sync, server/rooms and server/storage use the Yjs wire libraries.',
  },
  clientOrServer: {
    regex: relativeInto('client', 'server'),
    message: 'shared/ imports neither client/ nor server/.',
  },
  server: { regex: relativeInto('server'), message: 'client/ never imports server/; share through shared/.' },
  client: { regex: relativeInto('client'), message: 'server/ never imports client/; share through shared/.' },
  modelOnlyRelative: {
    // `.` covers `./x.ts` and `../x.ts`; everything else is a package, a builtin or an alias.
    regex: '^(?!\\.)',
    message: 'shared/model imports nothing: no packages, no other shared folder.',
  },
  modelSiblings: {
    regex: relativeInto('doc', 'rules', 'protocol'),
    message: 'shared/model imports nothing: no packages, no other shared folder.',
  },
  rulesNonModel: {
    regex: '^(?!\\.|@shared/model(?:/|$))',
    message: 'shared/rules imports only shared/model: rules are pure functions over plain values.',
  },
  anotherFeaturesInsides: {
    // From client/features/X/f.ts: `../Y/g.ts` is Y's insides; `../Y/index.ts` is Y's face.
    regex: '^\\.\\./[^./][^/]*/(?!index\\.ts$)',
    message: "A feature uses another feature only through that feature's index.ts.",
  },
  appInsides: {
    regex: '^\\.\\./\\.\\./app/(?!index\\.ts$)',
    message: "A feature uses the app only through client/app/index.ts (pages and the router's insides are the app's).",
  },
  featuresOrApp: {
    regex: relativeInto('features', 'app'),
    message: 'client/ui, format, hooks and sync sit below the features: they import no feature and not the app.',
  },
  rulesSiblings: {
    regex: relativeInto('doc', 'protocol'),
    message: 'shared/rules imports only shared/model: rules are pure functions over plain values.',
  },
}

const sharedBase = [restrict.react, restrict.hono, restrict.ws, restrict.node, restrict.lowdb, restrict.clientOrServer]
const clientBase = [restrict.server, restrict.lowdb, restrict.node, restrict.ws]
const serverBase = [restrict.client, restrict.lowdb]

/** Folder globs and everything each may not import; later entries win over earlier ones. */
const boundaries = [
  ['shared/**', [...sharedBase, restrict.yjs, restrict.yProtocols]],
  ['shared/doc/**', sharedBase],
  ['shared/protocol/**', [...sharedBase, restrict.yjs]],
  ['shared/model/**', [...sharedBase, restrict.modelOnlyRelative, restrict.modelSiblings]],
  // yjs and every other package are already refused by rulesNonModel.
  ['shared/rules/**', [...sharedBase, restrict.rulesNonModel, restrict.rulesSiblings]],
  ['client/**', [...clientBase, restrict.yjs, restrict.yProtocols]],
  ['client/sync/**', [...clientBase, restrict.featuresOrApp]],
  ['client/{ui,format,hooks}/**', [...clientBase, restrict.yjs, restrict.yProtocols, restrict.featuresOrApp]],
  ['client/features/**', [...clientBase, restrict.yjs, restrict.yProtocols, restrict.anotherFeaturesInsides, restrict.appInsides]],
  ['server/**', [...serverBase, restrict.yjs, restrict.yProtocols]],
  ['server/rooms/**', serverBase],
  ['server/storage/**', [restrict.client]],
]

// ---- the config ---------------------------------------------------------------------------------

export default defineConfig(
  globalIgnores(['dist/', 'node_modules/', 'data/', 'coverage/', 'test-results/']),
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2023, sourceType: 'module' },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        {
          argsIgnorePattern: '^_',
          varsIgnorePattern: '^_',
          caughtErrorsIgnorePattern: '^_',
          destructuredArrayIgnorePattern: '^_',
          ignoreRestSiblings: true,
        },
      ],
    },
  },
  { files: ['client/**'], languageOptions: { globals: globals.browser } },
  {
    files: ['server/**', 'test/**', 'bench/**', '*.{js,ts}'],
    languageOptions: { globals: globals.node },
  },
  {
    // No import cycles: a file never reaches itself through its imports (`import type` is erased and not counted).
    name: 'roundtable/no-cycle',
    files: ['client/**', 'shared/**'],
    plugins: { 'import-x': importX },
    settings: {
      'import-x/extensions': ['.ts', '.tsx'],
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts', '.tsx'] },
    },
    rules: { 'import-x/no-cycle': ['error', { ignoreExternal: true }] },
  },
  ...boundaries.map(([folder, patterns]) => ({
    name: `roundtable/boundaries/${folder}`,
    files: [folder],
    rules: { 'no-restricted-imports': ['error', { patterns: dedupe(patterns) }] },
  })),
)

function escapeRegex(text) {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}

function dedupe(patterns) {
  return [...new Set(patterns)]
}
