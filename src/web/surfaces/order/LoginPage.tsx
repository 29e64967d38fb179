import { Button, Heading, Paragraph } from '@digdir/designsystemet-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { inLanguage } from '../../../domain/company-texts';
import { useApiMutation } from '../../query';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { usePageTitle } from '../../ui/usePageTitle';
import { CodeStep } from './CodeStep';
import { CompanyLine } from './CompanyLine';
import { PhoneStep } from './PhoneStep';
import { useLoginBase } from './useOrderPage';

/**
 * Rule 4: phone number → 6-digit code by SMS → the employee session, through the order link or
 * the consent link (issue 15 (b)); `lead` replaces the default lead text.
 */
export function LoginPage({
  page,
  lead,
}: {
  page: { company: { name: string }; intro?: string; introEn?: string };
  lead?: string;
}) {
  const { t, i18n } = useTranslation('order');
  const language = i18n.resolvedLanguage === 'en' ? 'en' : 'nb';
  const base = useLoginBase();
  const [phone, setPhone] = useState<string | null>(null);
  const [sentAt, setSentAt] = useState(0);
  const send = useApiMutation<{ resendAfterSeconds: number }, { phone: string; language: 'nb' | 'en' }>(
    'post',
    `${base}/otp`,
    {
      onSuccess: (_data, vars) => {
        setPhone(vars.phone);
        setSentAt(Date.now());
      },
    },
  );
  usePageTitle(phone ? t('login.codeTitle') : t('login.title'));
  // Issue 15.3: the company's English intro when written, else its bokmål one.
  const intro = inLanguage(page.intro ?? '', page.introEn ?? '', language);
  return (
    <div className="order-page">
      <CompanyLine name={page.company.name} />
      <Heading level={1} data-size="lg">
        {phone ? t('login.codeTitle') : t('login.title')}
      </Heading>
      {!phone && intro && <Paragraph className="preserve-lines">{intro}</Paragraph>}
      {phone === null ? (
        <>
          <Paragraph>{lead ?? t('login.lead')}</Paragraph>
          <PhoneStep
            pending={send.isPending}
            error={send.error}
            onSend={(p) => send.mutate({ phone: p, language })}
          />
        </>
      ) : (
        <>
          <CodeStep
            phone={phone}
            sentAt={sentAt}
            onResend={() => send.mutate({ phone, language })}
            resending={send.isPending}
          />
          <ErrorMessage error={send.error} />
          <div>
            <Button
              variant="tertiary"
              onClick={() => {
                send.reset();
                setPhone(null);
              }}
            >
              {t('login.otherNumber')}
            </Button>
          </div>
        </>
      )}
    </div>
  );
}
