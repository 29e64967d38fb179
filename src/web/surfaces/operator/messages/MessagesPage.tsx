import {
  Alert,
  Button,
  Field,
  Heading,
  Label,
  Paragraph,
  Search,
  Select,
  Table,
  Tag,
} from '@digdir/designsystemet-react';
import { useDeferredValue, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MESSAGE_KINDS } from '../../../../domain/message-catalogue';
import { formatPhone } from '../../../../domain/phone-format';
import { useApiMutation, useApiQuery } from '../../../query';
import { ErrorMessage } from '../../../ui/ErrorMessage';
import { formatDateTime, localeOf } from '../../../ui/format';
import { Loading } from '../../../ui/Loading';
import { usePageTitle } from '../../../ui/usePageTitle';
import { useCanWrite } from '../shared/session';

type Message = {
  id: string;
  channel: 'sms' | 'email';
  to: string;
  subject: string;
  body: string;
  kind: string;
  status: 'queued' | 'sent' | 'failed';
  attempts: number;
  lastError: string | null;
  companyName: string | null;
  createdAt: string;
  resendNumber: number;
  resendCount: number;
};

const COLORS = { queued: 'info', sent: 'success', failed: 'danger' } as const;
const PAGE = 50;

/** Meldinger: every SMS and email with its state, the failure reason, attempts, and a resend. */
export function MessagesPage() {
  const { t, i18n } = useTranslation('operator');
  usePageTitle(t('messages.title'));
  const locale = localeOf(i18n.resolvedLanguage);
  const language = i18n.resolvedLanguage === 'en' ? 'en' : 'nb';
  const canWrite = useCanWrite();
  const [status, setStatus] = useState('');
  const [q, setQ] = useState('');
  const [limit, setLimit] = useState(PAGE);
  const needle = useDeferredValue(q.trim());
  const params = new URLSearchParams({
    limit: String(limit),
    ...(status ? { status } : {}),
    ...(needle ? { q: needle } : {}),
  });
  const list = useApiQuery<{ total: number; items: Message[] }>(`/api/operator/messages?${params}`, {
    placeholderData: (previous) => previous,
  });
  const resend = useApiMutation<{ created: boolean }, { id: string; resendCount: number }>(
    'post',
    (v) => `/api/operator/messages/${v.id}/resend`,
    { invalidates: ['/api/operator/messages'] },
  );
  return (
    <>
      <Heading level={1} data-size="lg">
        {t('messages.title')}
      </Heading>
      <Paragraph>{t('messages.secretsHidden', { elided: '••••••' })}</Paragraph>
      <div className="operator-actions">
        <Field>
          <Label>{t('messages.status')}</Label>
          <Select value={status} onChange={(e) => setStatus(e.target.value)} width="auto">
            <Select.Option value="">{t('messages.allStatuses')}</Select.Option>
            {(['queued', 'sent', 'failed'] as const).map((s) => (
              <Select.Option key={s} value={s}>
                {t(`messages.statuses.${s}`)}
              </Select.Option>
            ))}
          </Select>
        </Field>
        <Search>
          <Search.Input aria-label={t('messages.search')} value={q} onChange={(e) => setQ(e.target.value)} />
          <Search.Clear onClick={() => setQ('')} />
        </Search>
      </div>
      <details className="operator-kinds">
        <summary>{t('messages.kinds')}</summary>
        <ul>
          {MESSAGE_KINDS.map((k) => (
            <li key={k.kind}>
              <strong>{k.description[language]}</strong> — {t(`messages.audience.${k.audience}`)},{' '}
              {t(`messages.kindChannel.${k.channel}`)} (<code>{k.kind}</code>)
            </li>
          ))}
        </ul>
      </details>
      <SmsUsagePanel />
      <ErrorMessage error={list.error ?? resend.error} />
      {resend.data && (
        <Paragraph role="status">
          {resend.data.created ? t('messages.resent') : t('messages.alreadyResent')}
        </Paragraph>
      )}
      {!list.data ? (
        <Loading />
      ) : (
        <>
          <Paragraph aria-live="polite">{t('messages.count', { count: list.data.total })}</Paragraph>
          <div className="operator-table-wrap">
            <Table data-size="sm" zebra>
              <Table.Head>
                <Table.Row>
                  <Table.HeaderCell>{t('messages.time')}</Table.HeaderCell>
                  <Table.HeaderCell>{t('messages.to')}</Table.HeaderCell>
                  <Table.HeaderCell>{t('messages.content')}</Table.HeaderCell>
                  <Table.HeaderCell>{t('messages.status')}</Table.HeaderCell>
                  <Table.HeaderCell className="operator-number">{t('messages.attempts')}</Table.HeaderCell>
                  {canWrite && <Table.HeaderCell>{t('zones.actions')}</Table.HeaderCell>}
                </Table.Row>
              </Table.Head>
              <Table.Body>
                {list.data.items.map((m) => (
                  <Table.Row key={m.id}>
                    <Table.Cell>
                      <time dateTime={m.createdAt}>{formatDateTime(m.createdAt, locale)}</time>
                    </Table.Cell>
                    <Table.Cell>
                      {t(`messages.channels.${m.channel}`)} {m.channel === 'sms' ? formatPhone(m.to) : m.to}
                      {m.companyName && <div>{m.companyName}</div>}
                    </Table.Cell>
                    <Table.Cell className="operator-preserve">
                      <div>
                        <Tag data-size="sm">{kindLabel(m.kind, language)}</Tag>
                      </div>
                      {m.subject && <strong>{m.subject}: </strong>}
                      {m.body.length > 160 ? `${m.body.slice(0, 160)} …` : m.body}
                      {m.resendNumber > 0 && <div>{t('messages.resendOf', { n: m.resendNumber })}</div>}
                    </Table.Cell>
                    <Table.Cell>
                      <Tag data-color={COLORS[m.status]}>{t(`messages.statuses.${m.status}`)}</Tag>
                      {m.lastError && (
                        <div>
                          {t('messages.reason', {
                            reason: m.lastError.startsWith('held: ')
                              ? t(
                                  `messages.held.${m.lastError.slice(6) === 'sms_budget_exceeded' ? 'budget' : 'recipient'}`,
                                )
                              : m.lastError,
                          })}
                        </div>
                      )}
                    </Table.Cell>
                    <Table.Cell className="operator-number">{m.attempts}</Table.Cell>
                    {canWrite && (
                      <Table.Cell>
                        <Button
                          data-size="sm"
                          variant="secondary"
                          loading={resend.isPending && resend.variables?.id === m.id}
                          onClick={() => resend.mutate({ id: m.id, resendCount: m.resendCount })}
                        >
                          {t('messages.resend')} <span className="ds-sr-only">{formatPhone(m.to)}</span>
                        </Button>
                      </Table.Cell>
                    )}
                  </Table.Row>
                ))}
              </Table.Body>
            </Table>
          </div>
          {list.data.total > list.data.items.length && (
            <div>
              <Button
                variant="secondary"
                onClick={() => setLimit(Math.min(200, limit + PAGE))}
                disabled={limit >= 200}
              >
                {t('messages.more')}
              </Button>
            </div>
          )}
        </>
      )}
    </>
  );
}

/** The back office's name of a message kind (issue 15: from the message catalogue). */
function kindLabel(kind: string, language: 'nb' | 'en'): string {
  return MESSAGE_KINDS.find((k) => k.kind === kind)?.description[language] ?? kind;
}

type SmsUsage = {
  global: { used: number; held: number; budget: number };
  companies: { companyId: string; companyName: string; used: number; held: number; budget: number }[];
  allowedCountries: string[];
};

/**
 * SMS of the last hour against the hourly budgets (issue 12.4): the figure the operator watches,
 * a warning when any SMS was held back, and the companies that sent the most.
 */
function SmsUsagePanel() {
  const { t } = useTranslation('operator');
  const usage = useApiQuery<SmsUsage>('/api/operator/sms-usage');
  if (!usage.data) return null;
  const { global, companies, allowedCountries } = usage.data;
  const budget = (n: number) => (n > 0 ? String(n) : t('messages.sms.noBudget'));
  return (
    <section aria-labelledby="sms-usage-heading" className="operator-sms-usage">
      <Heading level={2} data-size="xs" id="sms-usage-heading">
        {t('messages.sms.title')}
      </Heading>
      <Paragraph>
        {t('messages.sms.global', { used: global.used, budget: budget(global.budget) })}{' '}
        {t('messages.sms.countries', { countries: allowedCountries.join(', ') })}
      </Paragraph>
      {global.held > 0 && (
        <Alert data-color="danger">
          <Paragraph>{t('messages.sms.held', { count: global.held })}</Paragraph>
        </Alert>
      )}
      {companies.length > 0 && (
        <div className="operator-table-wrap">
          <Table data-size="sm">
            <caption className="ds-sr-only">{t('messages.sms.title')}</caption>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell>{t('messages.sms.company')}</Table.HeaderCell>
                <Table.HeaderCell className="operator-number">{t('messages.sms.used')}</Table.HeaderCell>
                <Table.HeaderCell className="operator-number">
                  {t('messages.sms.heldColumn')}
                </Table.HeaderCell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {companies.slice(0, 5).map((c) => (
                <Table.Row key={c.companyId}>
                  <Table.Cell>{c.companyName}</Table.Cell>
                  <Table.Cell className="operator-number">
                    {c.used} / {budget(c.budget)}
                  </Table.Cell>
                  <Table.Cell className="operator-number">{c.held}</Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </div>
      )}
    </section>
  );
}
