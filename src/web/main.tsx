import '@digdir/designsystemet-css';
import '@digdir/designsystemet-theme';
import './styles.css';
// Designsystemet's behaviours for markup any page may have; the rest come with their components
// (see tools/designsystemet-behaviours.ts, which lists these same ones).
import '@digdir/designsystemet-web/clickdelegatefor';
import '@digdir/designsystemet-web/details';
import '@digdir/designsystemet-web/dialog';
import '@digdir/designsystemet-web/ds-error-summary';
import '@digdir/designsystemet-web/ds-field';
import '@digdir/designsystemet-web/fieldset';
import '@digdir/designsystemet-web/focusgroup';
import '@digdir/designsystemet-web/invokers';
import '@digdir/designsystemet-web/readonly';
import '@digdir/designsystemet-web/toggle-group';
import { QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App, preloadSurfaceOf } from './App';
import { i18nReady } from './i18n';
import { queryClient } from './query';

const root = document.getElementById('root');
if (!root) throw new Error('Missing #root element');

preloadSurfaceOf(window.location.pathname);
// index.html shows its own loading state in #root until React replaces it; React renders once
// the shared texts are in, so no key or untranslated word flashes.
void i18nReady.then(() =>
  createRoot(root).render(
    <StrictMode>
      <QueryClientProvider client={queryClient}>
        <App />
      </QueryClientProvider>
    </StrictMode>,
  ),
);
