import { Alert, Button, Checkbox, Heading, Paragraph } from '@digdir/designsystemet-react';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { MyConsentDto } from '../../../app/employee/list-my-consents';
import { queryClient, useApiMutation, useApiQuery } from '../../query';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { formatDate, localeOf } from '../../ui/format';
import { Loading } from '../../ui/Loading';
import { Money } from '../../ui/Money';
import { usePageTitle } from '../../ui/usePageTitle';
import { CompanyLine } from './CompanyLine';

/**
 * Issue 15: the employee agrees to a higher deduction the company made (the SMS links here):
 * the old and the new monthly amount, from when, the terms, and "Jeg godtar".
 */
export function ConsentPage({
  page,
  backLink = true,
}: {
  page: { company: { name: string } };
  backLink?: boolean;
}) {
  const { t, i18n } = useTranslation('order');
  usePageTitle(t('consent.title'));
  const language = i18n.resolvedLanguage === 'en' ? 'en' : 'nb';
  const list = useApiQuery<{ items: MyConsentDto[] }>(`/api/me/consents?language=${language}`);
  const [done, setDone] = useState(false);
  const doneRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (done) doneRef.current?.focus();
  }, [done]);
  const items = list.data?.items ?? [];
  return (
    <div className="order-page">
      <CompanyLine name={page.company.name} />
      <Heading level={1} data-size="lg">
        {t('consent.title')}
      </Heading>
      {done && (
        <Alert data-color="success" role="status" ref={doneRef} tabIndex={-1}>
          <Paragraph>{t('consent.done')}</Paragraph>
        </Alert>
      )}
      {list.isPending ? (
        <Loading />
      ) : (
        <>
          <ErrorMessage error={list.error} />
          {items.length === 0 && !list.error && !done && <Paragraph>{t('consent.none')}</Paragraph>}
          {items.map((c) => (
            <ConsentCard key={c.id} consent={c} language={language} onDone={() => setDone(true)} />
          ))}
        </>
      )}
      {backLink && (
        <Paragraph>
          <Link to="..">{t('consent.back')}</Link>
        </Paragraph>
      )}
    </div>
  );
}

function ConsentCard({
  consent: c,
  language,
  onDone,
}: {
  consent: MyConsentDto;
  language: 'nb' | 'en';
  onDone: () => void;
}) {
  const { t, i18n } = useTranslation('order');
  const [agreed, setAgreed] = useState(false);
  const [missing, setMissing] = useState(false);
  const confirm = useApiMutation<MyConsentDto, { language: 'nb' | 'en'; deductionOre: number }>(
    'post',
    `/api/me/consents/${c.id}/confirm`,
    {
      invalidates: ['/api/me/consents', '/api/me/subscriptions'],
      onSuccess: onDone,
      // The amount changed since the page was loaded: show the new one (the message says so).
      onError: (error) => {
        if (error.code === 'CONSENT_AMOUNT_CHANGED')
          void queryClient.invalidateQueries({
            predicate: (q) => String(q.queryKey[0]).startsWith('/api/me/consents'),
          });
      },
    },
  );
  const headingId = `consent-${c.id}`;
  return (
    <section className="order-form" aria-labelledby={headingId}>
      <Heading level={2} data-size="sm" id={headingId}>
        {t(`consent.reason.${c.reason}`)}
      </Heading>
      <dl className="order-facts">
        <dt>{t('consent.before')}</dt>
        <dd>
          <Money ore={c.consentedDeductionOre} />
        </dd>
        <dt>{t('consent.after')}</dt>
        <dd>
          <strong>
            <Money ore={c.deductionOre} />
          </strong>
        </dd>
        <dt>{t('consent.from')}</dt>
        <dd>{formatDate(c.effectiveFrom, localeOf(i18n.resolvedLanguage))}</dd>
      </dl>
      <Heading level={3} data-size="xs">
        {t('form.termsTitle')}
      </Heading>
      <Paragraph className="order-terms preserve-lines">{c.termsText}</Paragraph>
      <Checkbox
        label={t('consent.agree')}
        checked={agreed}
        onChange={(e) => {
          setAgreed(e.target.checked);
          setMissing(false);
        }}
        error={missing ? t('consent.agreeMissing') : undefined}
      />
      <ErrorMessage error={confirm.error} />
      <div>
        <Button
          loading={confirm.isPending}
          disabled={confirm.isPending}
          onClick={() => {
            if (!agreed) return setMissing(true);
            if (!confirm.isPending) confirm.mutate({ language, deductionOre: c.deductionOre });
          }}
        >
          {t('consent.confirm')}
        </Button>
      </div>
    </section>
  );
}
