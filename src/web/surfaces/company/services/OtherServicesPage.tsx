import { Alert, Button, Heading, Link, Paragraph } from '@digdir/designsystemet-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApiMutation, useApiQuery } from '../../../query';
import { ErrorMessage } from '../../../ui/ErrorMessage';
import { Loading } from '../../../ui/Loading';
import { SuccessMessage } from '../../../ui/SuccessMessage';
import { usePageTitle } from '../../../ui/usePageTitle';
import { ActionDialog } from '../shared/ActionDialog';
import type { Settings } from '../types';
import { CopyButton } from './CopyButton';

type OrderLink = { url: string; embedSnippet: string; scriptSnippet: string };
const PATH = '/api/company/order-link';

/** Andre tjenester: the order link, its rotation, the embed snippets and the QR poster (rule 3). */
export function OtherServicesPage() {
  const { t } = useTranslation('company');
  usePageTitle(t('services.title'));
  const link = useApiQuery<OrderLink>(PATH);
  const settings = useApiQuery<Settings>('/api/company/settings');
  const [confirming, setConfirming] = useState(false);
  const rotate = useApiMutation<OrderLink>('post', `${PATH}/rotate`, {
    invalidates: [PATH],
    onSuccess: () => setConfirming(false),
  });
  return (
    <>
      <Heading level={1} data-size="lg">
        {t('services.title')}
      </Heading>
      {settings.data?.selfService === 'disabled' && (
        <Alert data-color="warning">
          <Paragraph>{t('services.selfServiceOff')}</Paragraph>
        </Alert>
      )}
      <ErrorMessage error={link.error} />
      {link.isPending ? (
        <Loading />
      ) : (
        link.data && (
          <>
            <section aria-labelledby="link-heading" className="company-stack">
              <Heading level={2} data-size="sm" id="link-heading">
                {t('services.linkTitle')}
              </Heading>
              <Paragraph>{t('services.linkIntro')}</Paragraph>
              <Paragraph>
                <Link href={link.data.url} target="_blank" rel="noopener" data-testid="order-link">
                  {link.data.url}
                </Link>
              </Paragraph>
              <div className="company-buttons">
                <CopyButton text={link.data.url} label={t('services.copyLink')} />
                <Button variant="secondary" data-size="sm" asChild>
                  <a href={`${PATH}/poster.pdf`} download>
                    {t('services.poster')}
                  </a>
                </Button>
                <Button
                  variant="secondary"
                  data-color="danger"
                  data-size="sm"
                  onClick={() => setConfirming(true)}
                >
                  {t('services.rotate')}
                </Button>
              </div>
              {rotate.isSuccess && (
                <SuccessMessage>
                  <Paragraph>{t('services.rotated')}</Paragraph>
                </SuccessMessage>
              )}
            </section>
            <section aria-labelledby="embed-heading" className="company-stack">
              <Heading level={2} data-size="sm" id="embed-heading">
                {t('services.embedTitle')}
              </Heading>
              <Paragraph>{t('services.embedIntro')}</Paragraph>
              <Heading level={3} data-size="xs">
                {t('services.iframe')}
              </Heading>
              <pre className="company-code">{link.data.embedSnippet}</pre>
              <CopyButton text={link.data.embedSnippet} label={t('services.copyIframe')} />
              <Heading level={3} data-size="xs">
                {t('services.script')}
              </Heading>
              <pre className="company-code">{link.data.scriptSnippet}</pre>
              <CopyButton text={link.data.scriptSnippet} label={t('services.copyScript')} />
            </section>
          </>
        )
      )}
      <ActionDialog
        open={confirming}
        onClose={() => setConfirming(false)}
        title={t('services.rotateTitle')}
        confirmLabel={t('services.rotateConfirm')}
        onConfirm={() => rotate.mutate(undefined)}
        pending={rotate.isPending}
        error={rotate.error}
        danger
      >
        <Paragraph>{t('services.rotateWarning')}</Paragraph>
      </ActionDialog>
    </>
  );
}
