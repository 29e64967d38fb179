import { Heading } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { SecondFactorSettings } from '../../../ui/SecondFactor';
import { usePageTitle } from '../../../ui/usePageTitle';

/** Sikkerhet: the admin's own second step at sign-in (an authenticator app with recovery codes). */
export function SecurityPage() {
  const { t } = useTranslation('company');
  usePageTitle(t('nav.security'));
  return (
    <>
      <Heading level={1} data-size="lg">
        {t('nav.security')}
      </Heading>
      <SecondFactorSettings formClassName="company-form" />
    </>
  );
}
