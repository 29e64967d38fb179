import { describe, expect, it } from 'vitest';
import { behaviourFor } from './designsystemet-behaviours';

const react = '/app/node_modules/@digdir/designsystemet-react/dist/esm';

describe('Designsystemet behaviours per component (issue 17 item 6)', () => {
  it('gives a component only its own behaviour', () => {
    expect(behaviourFor(`${react}/components/field/field.js`)).toBe('ds-field');
    expect(behaviourFor(`${react}/components/suggestion/suggestion-list.js`)).toBe('ds-suggestion');
    expect(behaviourFor(`${react}/components/tabs/tabs-panel.js`)).toBe('ds-tabs');
    expect(behaviourFor(`${react}/utilities/hooks/use-pagination/use-pagination.js`)).toBe('ds-pagination');
    expect(
      behaviourFor(
        'C:\\app\\node_modules\\@digdir\\designsystemet-react\\dist\\esm\\components\\popover\\popover.js',
      ),
    ).toBe('popover');
  });

  it('keeps the whole package for the barrel, the search field and other importers', () => {
    expect(behaviourFor(`${react}/components/index.js`)).toBeNull();
    expect(behaviourFor(`${react}/components/search/search.js`)).toBeNull();
    expect(behaviourFor('/app/src/web/main.tsx')).toBeNull();
  });
});
