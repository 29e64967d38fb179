import { Button, Field, Heading, Label, Paragraph, Select, Textfield } from '@digdir/designsystemet-react';
import { useInfiniteQuery } from '@tanstack/react-query';
import { useDeferredValue } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { type ApiError, api } from '../../../api';
import { useApiQuery } from '../../../query';
import { ErrorMessage } from '../../../ui/ErrorMessage';
import { Loading } from '../../../ui/Loading';
import { usePageTitle } from '../../../ui/usePageTitle';
import { useAuditActionText } from '../shared/AuditAction';
import { AuditEntryView } from './AuditEntryView';
import type { AuditEntry } from './types';

type Page = { items: AuditEntry[]; nextBefore: number | null };
type Admin = { id: string; name: string; email: string };
const PAGE_SIZE = 50;
/** The actions an admin filters by, in the order of a subscription's life. */
const ACTIONS = [
  'subscription.created',
  'subscription.approved',
  'subscription.rejected',
  'subscription.zones_changed',
  'subscription.category_changed',
  'subscription.ended',
  'subscription.end_withdrawn',
  'subscription.cancelled',
  'subscription.ending',
  'subscription.deduction_consented',
  'company.settings_updated',
  'company.order_link_rotated',
  'admin.invited',
  'admin.removed',
  'payroll.exported',
];
const FILTERS = ['employee', 'action', 'actorId', 'from', 'to'] as const;

/**
 * Logg (rule 13, issue 16 item 7): every change as a sentence in the reader's language, the
 * employee named and the differences in words; filtered by employee, action, admin and date,
 * newest first, 50 at a time. Filters live in the address.
 */
export function AuditPage() {
  const { t, i18n } = useTranslation('company');
  usePageTitle(t('audit.title'));
  const actionText = useAuditActionText();
  const [params, setParams] = useSearchParams();
  const employee = useDeferredValue((params.get('employee') ?? '').trim());
  const filter = new URLSearchParams();
  for (const key of FILTERS) {
    const value = key === 'employee' ? employee : (params.get(key) ?? '');
    if (value) filter.set(key, value);
  }
  const admins = useApiQuery<{ items: Admin[] }>('/api/company/admins');
  const lang = i18n.resolvedLanguage ?? 'nb';
  const query = useInfiniteQuery<Page, ApiError>({
    queryKey: ['/api/company/audit', filter.toString(), lang],
    initialPageParam: null as number | null,
    queryFn: ({ pageParam }) =>
      api.get<Page>(
        `/api/company/audit?limit=${PAGE_SIZE}&${filter}${pageParam ? `&before=${pageParam}` : ''}`,
      ),
    getNextPageParam: (last) => last.nextBefore ?? undefined,
    placeholderData: (previous) => previous,
  });
  const items = query.data?.pages.flatMap((p) => p.items) ?? [];
  const setParam = (key: string, value: string) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next, { replace: true });
  };
  return (
    <>
      <Heading level={1} data-size="lg">
        {t('audit.title')}
      </Heading>
      <Paragraph>{t('audit.intro')}</Paragraph>
      <search className="company-row">
        <Textfield
          label={t('audit.employee')}
          type="search"
          value={params.get('employee') ?? ''}
          onChange={(e) => setParam('employee', e.target.value)}
          autoComplete="off"
        />
        <Field>
          <Label>{t('audit.action')}</Label>
          <Select value={params.get('action') ?? ''} onChange={(e) => setParam('action', e.target.value)}>
            <Select.Option value="">{t('audit.allActions')}</Select.Option>
            {ACTIONS.map((a) => (
              <Select.Option key={a} value={a}>
                {actionText(a)}
              </Select.Option>
            ))}
          </Select>
        </Field>
        <Field>
          <Label>{t('audit.admin')}</Label>
          <Select value={params.get('actorId') ?? ''} onChange={(e) => setParam('actorId', e.target.value)}>
            <Select.Option value="">{t('audit.allAdmins')}</Select.Option>
            {(admins.data?.items ?? []).map((a) => (
              <Select.Option key={a.id} value={a.id}>
                {a.name || a.email}
              </Select.Option>
            ))}
          </Select>
        </Field>
        <Textfield
          label={t('audit.from')}
          type="date"
          value={params.get('from') ?? ''}
          onChange={(e) => setParam('from', e.target.value)}
        />
        <Textfield
          label={t('audit.to')}
          type="date"
          value={params.get('to') ?? ''}
          onChange={(e) => setParam('to', e.target.value)}
        />
      </search>
      <ErrorMessage error={query.error} />
      {query.isPending ? (
        <Loading />
      ) : items.length === 0 ? (
        <Paragraph>{t('audit.empty')}</Paragraph>
      ) : (
        <ol className="company-audit" aria-label={t('audit.title')}>
          {items.map((e) => (
            <li key={e.id}>
              <AuditEntryView entry={e} />
            </li>
          ))}
        </ol>
      )}
      {query.hasNextPage && (
        <div>
          <Button
            variant="secondary"
            loading={query.isFetchingNextPage}
            onClick={() => void query.fetchNextPage()}
          >
            {t('audit.more')}
          </Button>
        </div>
      )}
    </>
  );
}
