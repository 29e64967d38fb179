import { Button, Details, Heading, Paragraph, Table } from '@digdir/designsystemet-react';
import { useInfiniteQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { type ApiError, api } from '../../../api';
import { ErrorMessage } from '../../../ui/ErrorMessage';
import { formatDateTime, localeOf } from '../../../ui/format';
import { Loading } from '../../../ui/Loading';
import { usePageTitle } from '../../../ui/usePageTitle';
import { useAuditActionText } from '../shared/AuditAction';
import type { HistoryEntry } from '../types';

type Page = { items: (HistoryEntry & { entityType: string; entityId: string })[]; nextBefore: number | null };
const PAGE_SIZE = 50;

function json(value: unknown): string {
  return value === null || value === undefined ? '–' : JSON.stringify(value, null, 2);
}

/** Logg (rule 13): every change in the company, who, when, before and after; newest first. */
export function AuditPage() {
  const { t, i18n } = useTranslation('company');
  usePageTitle(t('audit.title'));
  const actionText = useAuditActionText();
  const locale = localeOf(i18n.resolvedLanguage);
  const query = useInfiniteQuery<Page, ApiError>({
    queryKey: ['/api/company/audit'],
    initialPageParam: null as number | null,
    queryFn: ({ pageParam }) =>
      api.get<Page>(`/api/company/audit?limit=${PAGE_SIZE}${pageParam ? `&before=${pageParam}` : ''}`),
    getNextPageParam: (last) => last.nextBefore ?? undefined,
  });
  const items = query.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <>
      <Heading level={1} data-size="lg">
        {t('audit.title')}
      </Heading>
      <Paragraph>{t('audit.intro')}</Paragraph>
      <ErrorMessage error={query.error} />
      {query.isPending ? (
        <Loading />
      ) : items.length === 0 ? (
        <Paragraph>{t('audit.empty')}</Paragraph>
      ) : (
        <div className="company-table-wrap">
          <Table zebra>
            <caption className="company-visually-hidden">{t('audit.title')}</caption>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell>{t('audit.when')}</Table.HeaderCell>
                <Table.HeaderCell>{t('audit.who')}</Table.HeaderCell>
                <Table.HeaderCell>{t('audit.what')}</Table.HeaderCell>
                <Table.HeaderCell>{t('audit.change')}</Table.HeaderCell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {items.map((e) => (
                <Table.Row key={e.id ?? `${e.at}-${e.action}-${e.entityId}`}>
                  <Table.Cell>
                    <time dateTime={e.at}>{formatDateTime(e.at, locale)}</time>
                  </Table.Cell>
                  <Table.Cell>
                    {e.actorLabel || t(`audit.actor.${e.actorType ?? 'system'}` as 'audit.actor.system')}
                  </Table.Cell>
                  <Table.Cell>{actionText(e.action)}</Table.Cell>
                  <Table.Cell>
                    {(e.before != null || e.after != null) && (
                      <Details>
                        <Details.Summary>{t('audit.showChange')}</Details.Summary>
                        <Details.Content>
                          <div className="company-row">
                            <div>
                              <strong>{t('audit.before')}</strong>
                              <pre className="company-code">{json(e.before)}</pre>
                            </div>
                            <div>
                              <strong>{t('audit.after')}</strong>
                              <pre className="company-code">{json(e.after)}</pre>
                            </div>
                          </div>
                        </Details.Content>
                      </Details>
                    )}
                  </Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </div>
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
