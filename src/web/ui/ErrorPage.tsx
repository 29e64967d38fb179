import { Heading, Paragraph } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { isRouteErrorResponse, useRouteError } from 'react-router';
import { Layout } from './Layout';
import { NotFoundPage } from './NotFoundPage';
import { usePageTitle } from './usePageTitle';

/** The router's error element: a crash in a page shows this instead of a blank screen. */
export function ErrorPage() {
  const error = useRouteError();
  const { t } = useTranslation();
  usePageTitle(t('errorPage.title'));
  console.error(error);
  return (
    <Layout>
      {isRouteErrorResponse(error) && error.status === 404 ? (
        <NotFoundPage />
      ) : (
        <>
          <Heading level={1} data-size="lg">
            {t('errorPage.title')}
          </Heading>
          <Paragraph>{t('errorPage.body')}</Paragraph>
        </>
      )}
    </Layout>
  );
}
