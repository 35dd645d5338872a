/**
 * The module boundaries (docs/architecture.md), checked by `npm run lint`:
 * - modules are layered; a module imports only lower ones, and only their index.ts or contract/;
 * - the kernel imports no module; contracts import only zod and other contracts;
 * - the web app imports server code only from contracts;
 * - no import cycles, between modules or between files.
 */
// Lowest first. A module may import the modules before it, never the ones after it.
const LAYERS = [
  'platform',
  'identity',
  'team',
  'search',
  'accounts',
  'support',
  'delivery',
  'feedback',
  'success',
  'presales',
  'portal',
  'zendesk',
];

const layerRules = LAYERS.map((module, i) => {
  const higher = LAYERS.slice(i + 1);
  return higher.length === 0
    ? null
    : {
        name: `layers-${module}`,
        comment: `${module} sits below ${higher.join(', ')}: it may not import them (a need from above is a port, wired in src/app/wire-modules.ts).`,
        severity: 'error',
        from: { path: `^src/modules/${module}/` },
        to: { path: `^src/modules/(${higher.join('|')})/` },
      };
}).filter(Boolean);

module.exports = {
  forbidden: [
    {
      name: 'module-internals',
      comment: 'Another module is reached only through its index.ts (services, batch reads, events) or its contract/ (zod schemas).',
      severity: 'error',
      from: { path: '^src/modules/([^/]+)/' },
      to: { path: '^src/modules/([^/]+)/', pathNot: ['^src/modules/$1/', '^src/modules/[^/]+/(index\\.ts$|contract/)'] },
    },
    ...layerRules,
    {
      name: 'kernel-imports-no-module',
      comment: 'src/kernel is the ground floor: errors, ids, clock, pagination, audit, settings, events. It knows no module.',
      severity: 'error',
      from: { path: '^src/kernel/' },
      to: { path: '^src/(modules|app|cli)/' },
    },
    {
      name: 'pure-contracts',
      comment: 'A contract is shared with the web app: it may import zod and other contracts only, never server code.',
      severity: 'error',
      from: { path: '^src/(modules/[^/]+|kernel)/contract/' },
      to: { path: '^src/', pathNot: '^src/(modules/[^/]+|kernel)/contract/' },
    },
    {
      name: 'web-imports-contracts-only',
      comment: 'The web app takes API types from the server contracts (z.infer) and nothing else of the server.',
      severity: 'error',
      from: { path: '^web/src/' },
      to: { path: '^(src|test|bench)/', pathNot: '^src/(modules/[^/]+|kernel)/contract/' },
    },
    {
      name: 'web-modules-through-lib',
      comment: 'web/src/app is the shell and router: modules use web/src/lib and web/src/ui, never the shell.',
      severity: 'error',
      from: { path: '^web/src/(modules|lib|ui)/' },
      to: { path: '^web/src/app/' },
    },
    {
      name: 'web-kit-knows-no-module',
      comment: 'web/src/lib and web/src/ui serve every module and import none of them.',
      severity: 'error',
      from: { path: '^web/src/(lib|ui)/' },
      to: { path: '^web/src/modules/' },
    },
    {
      name: 'no-circular',
      comment: 'No import cycles: not between modules, not between the files of one module.',
      severity: 'error',
      from: { path: '^(src|web/src)/' },
      to: { circular: true, dependencyTypesNot: ['type-only'] },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^|/)(node_modules|dist)/|\\.test\\.tsx?$' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default'],
      extensions: ['.ts', '.tsx', '.js', '.d.ts'],
    },
    reporterOptions: { text: { highlightFocused: true } },
  },
};
