// One rule for the layer boundaries of the portal (README "How it is built"). Each zone of the
// tree gets its options in eslint.config.mjs by file glob, so a new file in a zone is held to the
// zone's boundary without anyone listing it. Imports are resolved (the `@/` alias and relative
// paths alike), so `../../db/client` and `@/db/client` are the same import.
import { classify, forEachImport, isInside, matchesPackage } from './modules.mjs';

/** @type {import('eslint').Rule.RuleModule} */
const rule = {
  meta: {
    type: 'problem',
    docs: { description: 'Keeps each layer to the imports its boundary allows' },
    schema: [
      {
        type: 'object',
        properties: {
          zone: { type: 'string' },
          because: { type: 'string' },
          forbidPaths: { type: 'array', items: { type: 'string' } },
          onlyPaths: { type: 'array', items: { type: 'string' } },
          forbidPackages: { type: 'array', items: { type: 'string' } },
          allowPackages: { type: 'array', items: { type: 'string' } },
          allowBuiltins: { type: 'boolean' },
        },
        required: ['zone', 'because'],
        additionalProperties: false,
      },
    ],
    messages: {
      refused: '{{zone}} must not import {{what}} \'{{specifier}}\': {{because}}',
    },
  },
  create(context) {
    const { zone, because, forbidPaths = [], onlyPaths, forbidPackages = [], allowPackages, allowBuiltins = true } = context.options[0];
    const file = context.filename;
    const refuse = (node, what, specifier) => context.report({ node, messageId: 'refused', data: { zone, what, specifier, because } });

    const check = (specifier, node) => {
      const target = classify(specifier, file);
      if (target.kind === 'builtin') {
        if (!allowBuiltins) refuse(node, 'the Node builtin', specifier);
      } else if (target.kind === 'package') {
        const refused =
          forbidPackages.some((p) => matchesPackage(specifier, p)) ||
          (allowPackages !== undefined && !allowPackages.some((p) => matchesPackage(specifier, p)));
        if (refused) refuse(node, 'the package', specifier);
      } else if (forbidPaths.some((dir) => isInside(target.rel, dir))) {
        refuse(node, 'the module', specifier);
      } else if (onlyPaths !== undefined && !onlyPaths.some((dir) => isInside(target.rel, dir))) {
        refuse(node, 'the module outside its folder', specifier);
      }
    };

    return forEachImport(check);
  },
};

export default rule;
