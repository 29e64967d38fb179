import type { Plugin } from 'vite';

const WEB = '@digdir/designsystemet-web';

/**
 * The behaviours every page gets (imported by main.tsx): those that act on markup any component
 * may render without importing the behaviour itself — Button's and Dialog's `commandfor`
 * (invokers), Card's click delegation, <dialog>, <details>, fieldsets, read-only fields, focus
 * groups, toggle groups, the error summary's and the field's custom elements.
 */
export const GLOBAL_BEHAVIOURS = [
  'clickdelegatefor',
  'details',
  'dialog',
  'ds-error-summary',
  'ds-field',
  'fieldset',
  'focusgroup',
  'invokers',
  'readonly',
  'toggle-group',
] as const;

/** Component folder of @digdir/designsystemet-react → the one behaviour it imports. */
const OWN_BEHAVIOUR: Record<string, string> = {
  breadcrumbs: 'ds-breadcrumbs',
  details: 'details',
  field: 'ds-field',
  pagination: 'ds-pagination',
  'use-pagination': 'ds-pagination',
  popover: 'popover',
  suggestion: 'ds-suggestion',
  tabs: 'ds-tabs',
  tooltip: 'tooltip',
};

/**
 * The sub-path of @digdir/designsystemet-web that a module of @digdir/designsystemet-react needs
 * instead of the whole package, or null to keep the whole package (the barrel, the search field
 * and anything unknown). Paths with either slash.
 */
export function behaviourFor(importer: string): string | null {
  const match =
    /[\\/]@digdir[\\/]designsystemet-react[\\/]dist[\\/]esm[\\/](?:components|utilities[\\/]hooks)[\\/]([\w-]+)[\\/]/.exec(
      importer,
    );
  return (match && OWN_BEHAVIOUR[match[1] ?? '']) ?? null;
}

/**
 * Vite plugin (issue 17 item 6): each Designsystemet component that imports
 * `@digdir/designsystemet-web` gets only its own behaviour. The package's root registers every
 * behaviour — the combobox, tabs, floating-ui's positioning and the popover polyfill, 30 KB gzip —
 * so the first text field on a phone page would otherwise fetch all of them.
 */
export function designsystemetBehaviours(): Plugin {
  return {
    name: 'designsystemet-behaviours',
    enforce: 'pre',
    resolveId(source, importer) {
      if (source !== WEB || !importer) return null;
      const behaviour = behaviourFor(importer);
      return behaviour ? this.resolve(`${WEB}/${behaviour}`, importer, { skipSelf: true }) : null;
    },
  };
}
