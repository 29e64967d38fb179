import { Alert, Card, Heading, Paragraph, Tag, Textfield } from '@digdir/designsystemet-react';
import { useDeferredValue, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatPhone } from '../../../domain/phone-format';
import { useApiQuery } from '../../query';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { formatDateTime, localeOf } from '../../ui/format';
import { Loading } from '../../ui/Loading';
import { usePageTitle } from '../../ui/usePageTitle';
import { Linkified } from './Linkified';

type OutboxMessage = {
  channel: 'sms' | 'email';
  to: string;
  subject?: string;
  body: string;
  createdAt: string;
};

export function OutboxPage() {
  const { t, i18n } = useTranslation('dev');
  usePageTitle(t('outbox.title'));
  const [filter, setFilter] = useState('');
  const needle = useDeferredValue(filter.trim().toLowerCase());
  const query = useApiQuery<{ messages: OutboxMessage[] }>('/api/dev/outbox', {
    refetchInterval: (q) => (q.state.error?.status === 404 ? false : 3000),
    staleTime: 0,
  });
  const messages = (query.data?.messages ?? [])
    .filter((m) => m.to.toLowerCase().includes(needle))
    .sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  const locale = localeOf(i18n.resolvedLanguage);

  return (
    <>
      <Heading level={1} data-size="lg">
        {t('outbox.title')}
      </Heading>
      {query.error?.status === 404 ? (
        <Alert data-color="info">
          <Paragraph>{t('outbox.unavailable')}</Paragraph>
        </Alert>
      ) : (
        <>
          <Paragraph>{t('outbox.intro')}</Paragraph>
          <Textfield
            label={t('outbox.filterLabel')}
            description={t('outbox.filterDescription')}
            value={filter}
            onChange={(e) => setFilter(e.target.value)}
            autoComplete="off"
          />
          <ErrorMessage error={query.error} />
          {query.isPending ? (
            <Loading />
          ) : (
            <Paragraph aria-live="polite">{t('outbox.count', { count: messages.length })}</Paragraph>
          )}
          {messages.map((m) => (
            <Card key={`${m.createdAt}|${m.channel}|${m.to}|${m.body.length}`} data-color="neutral">
              <Heading level={2} data-size="xs">
                <Tag data-color={m.channel === 'sms' ? 'info' : 'success'}>{t(`outbox.${m.channel}`)}</Tag>{' '}
                {t('outbox.to')} {formatPhone(m.to)}
              </Heading>
              <Paragraph data-size="sm">
                <time dateTime={m.createdAt}>{formatDateTime(m.createdAt, locale)}</time>
              </Paragraph>
              {m.subject && (
                <Paragraph>
                  <strong>{m.subject}</strong>
                </Paragraph>
              )}
              <Paragraph className="preserve-lines">
                <Linkified text={m.body} />
              </Paragraph>
            </Card>
          ))}
        </>
      )}
    </>
  );
}
