import {
  Button,
  Field,
  Heading,
  Label,
  Paragraph,
  Select,
  Table,
  Textfield,
} from '@digdir/designsystemet-react';
import { useDeferredValue } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink, useSearchParams } from 'react-router';
import { formatPhone } from '../../../../domain/phone-format';
import { useApiQuery } from '../../../query';
import { AppLink } from '../../../ui/AppLink';
import { DateText } from '../../../ui/DateText';
import { ErrorMessage } from '../../../ui/ErrorMessage';
import { Loading } from '../../../ui/Loading';
import { usePageTitle } from '../../../ui/usePageTitle';
import { StatusTag } from '../shared/StatusTag';
import { useCatalog } from '../shared/useCatalog';
import { STATUSES, type Subscription } from '../types';

export function SubscriptionsPage() {
  const { t } = useTranslation('company');
  usePageTitle(t('subscriptions.title'));
  const { zoneNames, categoryName } = useCatalog();
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const status = params.get('status') ?? '';
  const deferredQ = useDeferredValue(q.trim());
  const search = new URLSearchParams();
  if (status) search.set('status', status);
  if (deferredQ) search.set('q', deferredQ);
  const query = useApiQuery<{ items: Subscription[] }>(`/api/company/subscriptions?${search}`, {
    placeholderData: (previous) => previous,
  });
  // The API lists pending orders first (oldest first), then the newest.
  const items = query.data?.items ?? [];
  const setParam = (key: string, value: string) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next, { replace: true });
  };
  return (
    <>
      <Heading level={1} data-size="lg">
        {t('subscriptions.title')}
      </Heading>
      <div className="company-buttons">
        <Button asChild>
          <RouterLink to="/bedrift/nytt-abonnement">{t('nav.newSubscription')}</RouterLink>
        </Button>
        <Button asChild variant="secondary">
          <RouterLink to="/bedrift/nytt-abonnement/import">{t('import.title')}</RouterLink>
        </Button>
      </div>
      <search className="company-row">
        <Textfield
          label={t('subscriptions.search')}
          description={t('subscriptions.searchHelp')}
          type="search"
          value={q}
          onChange={(e) => setParam('q', e.target.value)}
          autoComplete="off"
        />
        <Field>
          <Label>{t('subscriptions.status')}</Label>
          <Select value={status} onChange={(e) => setParam('status', e.target.value)}>
            <Select.Option value="">{t('subscriptions.allStatuses')}</Select.Option>
            {STATUSES.map((s) => (
              <Select.Option key={s} value={s}>
                {t(`status.${s}`)}
              </Select.Option>
            ))}
          </Select>
        </Field>
      </search>
      <ErrorMessage error={query.error} />
      {query.isPending ? (
        <Loading />
      ) : (
        <>
          <Paragraph aria-live="polite">{t('subscriptions.count', { count: items.length })}</Paragraph>
          {items.length > 0 && (
            <div className="company-table-wrap">
              <Table zebra>
                <caption className="company-visually-hidden">{t('subscriptions.title')}</caption>
                <Table.Head>
                  <Table.Row>
                    <Table.HeaderCell>{t('columns.name')}</Table.HeaderCell>
                    <Table.HeaderCell>{t('columns.phone')}</Table.HeaderCell>
                    <Table.HeaderCell>{t('columns.ticket')}</Table.HeaderCell>
                    <Table.HeaderCell>{t('columns.period')}</Table.HeaderCell>
                    <Table.HeaderCell>{t('columns.status')}</Table.HeaderCell>
                  </Table.Row>
                </Table.Head>
                <Table.Body>
                  {items.map((s) => (
                    <Table.Row key={s.id}>
                      <Table.Cell>
                        <AppLink to={`/bedrift/abonnementer/${s.id}`}>
                          {s.firstName} {s.lastName}
                        </AppLink>
                      </Table.Cell>
                      <Table.Cell>{formatPhone(s.phone)}</Table.Cell>
                      <Table.Cell>
                        {categoryName(s.categoryId)} · {zoneNames(s.zoneIds)}
                      </Table.Cell>
                      <Table.Cell>
                        <DateText date={s.startDate} />
                        {s.endDate && (
                          <>
                            {' – '}
                            <DateText date={s.endDate} />
                          </>
                        )}
                      </Table.Cell>
                      <Table.Cell>
                        <StatusTag status={s.status} />
                      </Table.Cell>
                    </Table.Row>
                  ))}
                </Table.Body>
              </Table>
            </div>
          )}
        </>
      )}
    </>
  );
}
