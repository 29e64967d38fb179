import { Heading, Paragraph } from '@digdir/designsystemet-react';
import { Component, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'react-router';
import { usePageTitle } from './usePageTitle';

/** What a crashed page shows instead of a blank screen (inside the app's header and footer). */
export function ErrorPage() {
  const { t } = useTranslation();
  usePageTitle(t('errorPage.title'));
  return (
    <>
      <Heading level={1} data-size="lg">
        {t('errorPage.title')}
      </Heading>
      <Paragraph>{t('errorPage.body')}</Paragraph>
    </>
  );
}

type BoundaryProps = { pathname: string; children: ReactNode };
type BoundaryState = { error: unknown; pathname: string | null };

class Boundary extends Component<BoundaryProps, BoundaryState> {
  override state: BoundaryState = { error: null, pathname: null };

  static getDerivedStateFromError(error: unknown): Partial<BoundaryState> {
    return { error };
  }

  /** Opening another page clears the error, as the data router's error element did. */
  static getDerivedStateFromProps(props: BoundaryProps, state: BoundaryState): Partial<BoundaryState> | null {
    if (state.error && state.pathname !== null && state.pathname !== props.pathname)
      return { error: null, pathname: props.pathname };
    return state.pathname === props.pathname ? null : { pathname: props.pathname };
  }

  override componentDidCatch(error: unknown) {
    console.error(error);
  }

  override render() {
    return this.state.error ? <ErrorPage /> : this.props.children;
  }
}

/** Shows ErrorPage when a page throws while rendering, until another page is opened. */
export function PageErrorBoundary({ children }: { children: ReactNode }) {
  const { pathname } = useLocation();
  return <Boundary pathname={pathname}>{children}</Boundary>;
}
