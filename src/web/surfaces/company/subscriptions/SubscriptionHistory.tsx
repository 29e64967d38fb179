import { Heading, Paragraph, Table } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { DateText } from '../../../ui/DateText';
import { formatDateTime, localeOf } from '../../../ui/format';
import { useCatalog } from '../shared/useCatalog';
import type { SubscriptionDetail } from '../types';

/** Rule 8's zone sets over time and the subscription's audit trail. */
export function SubscriptionHistory({ subscription: s }: { subscription: SubscriptionDetail }) {
  const { t, i18n } = useTranslation('company');
  const { zoneNames } = useCatalog();
  const locale = localeOf(i18n.resolvedLanguage);
  const zoneSets = s.zoneSets ?? [];
  const history = [...(s.history ?? [])].sort((a, b) => b.id - a.id);
  return (
    <>
      <section aria-labelledby="zonesets-heading" className="company-stack">
        <Heading level={2} data-size="sm" id="zonesets-heading">
          {t('subscription.zoneSets')}
        </Heading>
        <div className="company-table-wrap">
          <Table>
            <caption className="company-visually-hidden">{t('subscription.zoneSets')}</caption>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell>{t('zones.legend')}</Table.HeaderCell>
                <Table.HeaderCell>{t('subscription.from')}</Table.HeaderCell>
                <Table.HeaderCell>{t('subscription.to')}</Table.HeaderCell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {zoneSets.map((z) => (
                <Table.Row key={`${z.validFrom}-${z.zoneIds.join()}`}>
                  <Table.Cell>{zoneNames(z.zoneIds)}</Table.Cell>
                  <Table.Cell>
                    <DateText date={z.validFrom} />
                  </Table.Cell>
                  <Table.Cell>
                    {z.validTo ? <DateText date={z.validTo} /> : t('subscription.openEnded')}
                  </Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </div>
      </section>
      <section aria-labelledby="history-heading" className="company-stack">
        <Heading level={2} data-size="sm" id="history-heading">
          {t('subscription.history')}
        </Heading>
        {history.length === 0 ? (
          <Paragraph>{t('subscription.noHistory')}</Paragraph>
        ) : (
          <ol className="company-history">
            {history.map((h) => (
              <li key={h.id}>
                <time dateTime={h.at}>{formatDateTime(h.at, locale)}</time>
                {' · '}
                <span>{h.sentence}</span>
                {h.changes.length > 0 && (
                  <ul>
                    {h.changes.map((c) => (
                      <li key={c.label}>
                        {c.label}: {c.before} → {c.after}
                      </li>
                    ))}
                  </ul>
                )}
              </li>
            ))}
          </ol>
        )}
      </section>
    </>
  );
}
