import { Paragraph, SkipLink } from '@digdir/designsystemet-react';
import { type ReactNode, useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'react-router';
import { AppLink } from './AppLink';
import { LanguageSwitch } from './LanguageSwitch';

/**
 * Moves focus to <main> after in-app navigation, so screen readers start at the new page; unless
 * the new page put it on the result of the action that led there (a message marked
 * `data-result`, e.g. "the company is registered"), issue 15 item 6.
 */
function useFocusMainOnNavigate() {
  const { pathname } = useLocation();
  const first = useRef(true);
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs on each new pathname
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    if (document.activeElement?.closest('[data-result]')) return;
    document.getElementById('main')?.focus();
  }, [pathname]);
}

export function Layout({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  useFocusMainOnNavigate();
  return (
    <div className="app">
      <SkipLink href="#main">{t('skipLink')}</SkipLink>
      <header className="app-header">
        <AppLink to="/" className="app-name">
          {t('appName')}
        </AppLink>
        <LanguageSwitch />
      </header>
      <main id="main" tabIndex={-1} className="app-main">
        {children}
      </main>
      <footer className="app-footer">
        <Paragraph data-size="sm">{t('footer.about')}</Paragraph>
        <Paragraph data-size="sm">
          <AppLink to="/api/docs" reloadDocument>
            {t('footer.apiDocs')}
          </AppLink>
        </Paragraph>
      </footer>
    </div>
  );
}
