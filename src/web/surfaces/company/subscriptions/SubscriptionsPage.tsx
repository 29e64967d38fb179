import {
  Button,
  Checkbox,
  Field,
  Heading,
  Label,
  Paragraph,
  Select,
  Table,
  Textfield,
} from '@digdir/designsystemet-react';
import { useDeferredValue, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink, useSearchParams } from 'react-router';
import { formatPhone } from '../../../../domain/phone-format';
import { api } from '../../../api';
import { useApiQuery } from '../../../query';
import { AppLink } from '../../../ui/AppLink';
import { DateText } from '../../../ui/DateText';
import { ErrorMessage } from '../../../ui/ErrorMessage';
import { Loading } from '../../../ui/Loading';
import { usePageTitle } from '../../../ui/usePageTitle';
import { StatusTag } from '../shared/StatusTag';
import { useCatalog } from '../shared/useCatalog';
import { useCanChange } from '../shared/useMe';
import { STATUSES, type Subscription } from '../types';
import { BulkActions, PasteSelect } from './BulkActions';

const PAGE = 50;
const SORTS = ['name', 'status', 'start', 'end', 'department'] as const;
type Sort = (typeof SORTS)[number];
const FILTERS = ['q', 'status', 'zoneId', 'categoryId', 'department', 'plannedEnd'] as const;

/**
 * Item 16.6: the company's subscriptions, paged on the server (50 a page, by cursor), sorted by a
 * column header (name by default), filtered, and exported as CSV or XLSX with the same filter.
 * Filters and sort live in the address, so a view can be shared and survives a reload.
 */
export function SubscriptionsPage() {
  const { t } = useTranslation('company');
  usePageTitle(t('subscriptions.title'));
  const { zoneNames, categoryName, zones, categories } = useCatalog();
  // Issue 16 item 3: a company with departments filters, sorts and reads the list by department.
  const departments = useApiQuery<{ items: { id: string; name: string }[] }>('/api/company/departments').data
    ?.items;
  const departmentName = new Map((departments ?? []).map((d) => [d.id, d.name]));
  const hasDepartments = departmentName.size > 0;
  // A payroll admin reads the list; adding, importing and bulk actions are for full admins.
  const canChange = useCanChange();
  const [params, setParams] = useSearchParams();
  const sort = (SORTS as readonly string[]).includes(params.get('sort') ?? '')
    ? (params.get('sort') as Sort)
    : 'name';
  const dir = params.get('dir') === 'desc' ? 'desc' : 'asc';
  const deferredQ = useDeferredValue((params.get('q') ?? '').trim());
  const filter = new URLSearchParams();
  for (const key of FILTERS) {
    const value = key === 'q' ? deferredQ : (params.get(key) ?? '');
    if (value) filter.set(key, value);
  }
  filter.set('sort', sort);
  filter.set('dir', dir);
  // The cursors of the pages before this one; resets when the filter or sort changes.
  const [pages, setPages] = useState<{ key: string; cursors: string[] }>({ key: '', cursors: [] });
  const cursors = pages.key === filter.toString() ? pages.cursors : [];
  const cursor = cursors[cursors.length - 1];
  const search = new URLSearchParams(filter);
  search.set('limit', String(PAGE));
  if (cursor) search.set('cursor', cursor);
  const query = useApiQuery<{ items: Subscription[]; nextCursor: string | null }>(
    `/api/company/subscriptions?${search}`,
    { placeholderData: (previous) => previous },
  );
  const items = query.data?.items ?? [];
  // Issue 16 item 2: the rows chosen for a bulk action (kept across pages and filters).
  const [selected, setSelected] = useState<string[]>([]);
  const [selectingAll, setSelectingAll] = useState(false);
  const isSelected = (id: string) => selected.includes(id);
  const toggle = (id: string, on: boolean) =>
    setSelected((prev) => (on ? [...new Set([...prev, id])] : prev.filter((x) => x !== id)));
  const pageSelected = items.length > 0 && items.every((s) => isSelected(s.id));
  const togglePage = (on: boolean) =>
    setSelected((prev) =>
      on
        ? [...new Set([...prev, ...items.map((s) => s.id)])]
        : prev.filter((x) => !items.some((s) => s.id === x)),
    );
  const selectAllInFilter = async () => {
    setSelectingAll(true);
    try {
      const all = await api.get<{ items: Subscription[] }>(`/api/company/subscriptions?${filter}`);
      setSelected((prev) => [...new Set([...prev, ...all.items.map((s) => s.id)])]);
    } finally {
      setSelectingAll(false);
    }
  };
  const nextCursor = query.data?.nextCursor ?? null;
  const setParam = (key: string, value: string) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next, { replace: true });
  };
  const sortBy = (column: Sort) => {
    const next = new URLSearchParams(params);
    next.set('sort', column);
    next.set('dir', column === sort && dir === 'asc' ? 'desc' : 'asc');
    setParams(next, { replace: true });
  };
  const ariaSort = (column: Sort) => (column !== sort ? 'none' : dir === 'asc' ? 'ascending' : 'descending');
  const header = (column: Sort, label: string) => (
    <Table.HeaderCell sort={ariaSort(column)} onClick={() => sortBy(column)}>
      {label}
    </Table.HeaderCell>
  );
  const select = (key: string, label: string, all: string, options: { value: string; label: string }[]) => (
    <Field>
      <Label>{label}</Label>
      <Select value={params.get(key) ?? ''} onChange={(e) => setParam(key, e.target.value)}>
        <Select.Option value="">{all}</Select.Option>
        {options.map((o) => (
          <Select.Option key={o.value} value={o.value}>
            {o.label}
          </Select.Option>
        ))}
      </Select>
    </Field>
  );
  const exportHref = (format: 'csv' | 'xlsx') =>
    `/api/company/subscriptions/export?${filter}&format=${format}`;
  return (
    <>
      <Heading level={1} data-size="lg">
        {t('subscriptions.title')}
      </Heading>
      {canChange && (
        <div className="company-buttons">
          <Button asChild>
            <RouterLink to="/bedrift/nytt-abonnement">{t('nav.newSubscription')}</RouterLink>
          </Button>
          <Button asChild variant="secondary">
            <RouterLink to="/bedrift/nytt-abonnement/import">{t('import.title')}</RouterLink>
          </Button>
        </div>
      )}
      <search className="company-row company-filters">
        <Textfield
          label={t('subscriptions.search')}
          description={t('subscriptions.searchHelp')}
          type="search"
          value={params.get('q') ?? ''}
          onChange={(e) => setParam('q', e.target.value)}
          autoComplete="off"
        />
        {select(
          'status',
          t('subscriptions.status'),
          t('subscriptions.allStatuses'),
          STATUSES.map((s) => ({ value: s, label: t(`status.${s}`) })),
        )}
        {select(
          'zoneId',
          t('subscriptions.zone'),
          t('subscriptions.allZones'),
          zones.map((z) => ({ value: z.id, label: z.name })),
        )}
        {select(
          'categoryId',
          t('subscriptions.category'),
          t('subscriptions.allCategories'),
          categories.map((c) => ({ value: c.id, label: categoryName(c.id) })),
        )}
        {hasDepartments &&
          select('department', t('subscriptions.department'), t('subscriptions.allDepartments'), [
            ...(departments ?? []).map((d) => ({ value: d.id, label: d.name })),
            { value: 'none', label: t('subscriptions.noDepartment') },
          ])}
        {select('plannedEnd', t('subscriptions.plannedEnd'), t('subscriptions.plannedEndAll'), [
          { value: 'yes', label: t('subscriptions.plannedEndYes') },
          { value: 'no', label: t('subscriptions.plannedEndNo') },
        ])}
      </search>
      <div className="company-buttons">
        <Button asChild variant="tertiary">
          <a href={exportHref('csv')} download>
            {t('subscriptions.exportCsv')}
          </a>
        </Button>
        <Button asChild variant="tertiary">
          <a href={exportHref('xlsx')} download>
            {t('subscriptions.exportXlsx')}
          </a>
        </Button>
      </div>
      {canChange && (
        <>
          <div className="company-buttons">
            <Button variant="secondary" onClick={selectAllInFilter} disabled={selectingAll}>
              {t('bulk.selectAll')}
            </Button>
          </div>
          <PasteSelect onSelect={(ids) => setSelected((prev) => [...new Set([...prev, ...ids])])} />
          {selected.length > 0 && <BulkActions selected={selected} onClear={() => setSelected([])} />}
        </>
      )}
      <ErrorMessage error={query.error} />
      {query.isPending ? (
        <Loading />
      ) : (
        <>
          <Paragraph aria-live="polite">
            {cursors.length > 0 || nextCursor
              ? t('subscriptions.page', { page: cursors.length + 1, count: items.length })
              : t('subscriptions.count', { count: items.length })}
          </Paragraph>
          {items.length > 0 && (
            <div className="company-table-wrap">
              <Table zebra>
                <caption className="company-visually-hidden">{t('subscriptions.title')}</caption>
                <Table.Head>
                  <Table.Row>
                    {canChange && (
                      <Table.HeaderCell>
                        <Checkbox
                          aria-label={t('bulk.selectPage')}
                          checked={pageSelected}
                          onChange={(e) => togglePage(e.target.checked)}
                        />
                      </Table.HeaderCell>
                    )}
                    {header('name', t('columns.name'))}
                    <Table.HeaderCell>{t('columns.phone')}</Table.HeaderCell>
                    <Table.HeaderCell>{t('columns.ticket')}</Table.HeaderCell>
                    {header('start', t('columns.start'))}
                    {header('end', t('columns.end'))}
                    {header('status', t('columns.status'))}
                    {hasDepartments && header('department', t('subscriptions.department'))}
                  </Table.Row>
                </Table.Head>
                <Table.Body>
                  {items.map((s) => (
                    <Table.Row key={s.id}>
                      {canChange && (
                        <Table.Cell>
                          <Checkbox
                            aria-label={t('bulk.selectRow', { name: `${s.firstName} ${s.lastName}` })}
                            checked={isSelected(s.id)}
                            onChange={(e) => toggle(s.id, e.target.checked)}
                          />
                        </Table.Cell>
                      )}
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
                      </Table.Cell>
                      <Table.Cell>{s.endDate ? <DateText date={s.endDate} /> : '–'}</Table.Cell>
                      <Table.Cell>
                        <StatusTag status={s.status} />
                      </Table.Cell>
                      {hasDepartments && (
                        <Table.Cell>
                          {(s.departmentId && departmentName.get(s.departmentId)) ?? '–'}
                        </Table.Cell>
                      )}
                    </Table.Row>
                  ))}
                </Table.Body>
              </Table>
            </div>
          )}
          {(cursors.length > 0 || nextCursor) && (
            <nav aria-label={t('subscriptions.pages')} className="company-buttons">
              <Button
                variant="secondary"
                disabled={cursors.length === 0}
                onClick={() => setPages({ key: filter.toString(), cursors: cursors.slice(0, -1) })}
              >
                {t('subscriptions.previous')}
              </Button>
              <Button
                variant="secondary"
                disabled={!nextCursor}
                onClick={() =>
                  nextCursor && setPages({ key: filter.toString(), cursors: [...cursors, nextCursor] })
                }
              >
                {t('subscriptions.next')}
              </Button>
            </nav>
          )}
        </>
      )}
    </>
  );
}
