// The portal's own lint rules (import boundaries); wired up in eslint.config.mjs and shown to
// fail on misplaced imports by test/lint-boundaries.test.ts.
import clientImports from './client-imports.mjs';
import importBoundaries from './import-boundaries.mjs';

const plugin = {
  meta: { name: 'smarthub-local' },
  rules: { 'import-boundaries': importBoundaries, 'client-imports': clientImports },
};

export default plugin;
