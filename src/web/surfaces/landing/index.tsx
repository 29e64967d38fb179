import { Card, Heading, Paragraph } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { AppLink } from '../../ui/AppLink';
import { usePageTitle } from '../../ui/usePageTitle';

const SURFACES = [
  { key: 'wallet', to: '/billett' },
  { key: 'order', to: undefined },
  { key: 'company', to: '/bedrift' },
  { key: 'operator', to: '/operator' },
  { key: 'inspect', to: '/kontroll' },
] as const;

export function LandingPage() {
  const { t } = useTranslation('landing');
  usePageTitle(t('title'));
  return (
    <>
      <Heading level={1} data-size="xl">
        {t('heading')}
      </Heading>
      <Paragraph data-size="lg">{t('intro')}</Paragraph>
      <Heading level={2} data-size="md">
        {t('surfacesHeading')}
      </Heading>
      <ul className="card-grid">
        {SURFACES.map(({ key, to }) => (
          <li key={key}>
            <Card data-color="neutral">
              <Heading level={3} data-size="sm">
                {t(`surfaces.${key}.title`)}
              </Heading>
              <Paragraph>{t(`surfaces.${key}.body`)}</Paragraph>
              {to && (
                <Paragraph>
                  <AppLink to={to}>{t(`surfaces.${key}.link` as 'surfaces.wallet.link')}</AppLink>
                </Paragraph>
              )}
            </Card>
          </li>
        ))}
      </ul>
    </>
  );
}
