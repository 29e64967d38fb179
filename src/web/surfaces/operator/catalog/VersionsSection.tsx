import { Button, Details, Heading, Table, Tag } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { useApiMutation } from '../../../query';
import { DateText } from '../../../ui/DateText';
import { ErrorMessage } from '../../../ui/ErrorMessage';
import { Money } from '../../../ui/Money';
import { categoryName } from './CatalogPage';
import { CATALOG_PATH, type OperatorCatalog, ZONE_COUNTS } from './types';

const COLORS = { future: 'info', current: 'success', past: 'neutral' } as const;

/** Every price version, newest first; past ones stay readable, future ones can be withdrawn. */
export function VersionsSection({ catalog, canWrite }: { catalog: OperatorCatalog; canWrite: boolean }) {
  const { t, i18n } = useTranslation('operator');
  const withdraw = useApiMutation<unknown, { validFrom: string }>(
    'delete',
    (v) => `/api/operator/catalog/price-versions/${v.validFrom}`,
    {
      invalidates: [CATALOG_PATH, '/api/catalog'],
    },
  );
  const name = (id: string) => {
    const c = catalog.categories.find((x) => x.id === id);
    return c ? categoryName(c, i18n.resolvedLanguage) : id;
  };
  return (
    <section className="operator-stack" aria-labelledby="versions">
      <Heading level={2} data-size="sm" id="versions">
        {t('versions.title')}
      </Heading>
      <ErrorMessage error={withdraw.error} />
      {catalog.versions.map((v) => {
        const categoryIds = [...new Set(v.prices.map((p) => p.categoryId))];
        return (
          <Details key={v.validFrom} defaultOpen={v.state !== 'past'}>
            <Details.Summary>
              {t('versions.validFrom')} <DateText date={v.validFrom} />{' '}
              <Tag data-color={COLORS[v.state]}>{t(`versions.states.${v.state}`)}</Tag>
            </Details.Summary>
            <Details.Content>
              <Table data-size="sm" zebra>
                <Table.Head>
                  <Table.Row>
                    <Table.HeaderCell>{t('catalog.category')}</Table.HeaderCell>
                    {ZONE_COUNTS.map((n) => (
                      <Table.HeaderCell key={n} className="operator-number">
                        {t(`catalog.zones${n}`)}
                      </Table.HeaderCell>
                    ))}
                  </Table.Row>
                </Table.Head>
                <Table.Body>
                  {categoryIds.map((id) => (
                    <Table.Row key={id}>
                      <Table.HeaderCell scope="row">{name(id)}</Table.HeaderCell>
                      {ZONE_COUNTS.map((n) => {
                        const price = v.prices.find((p) => p.categoryId === id && p.zoneCount === n);
                        return (
                          <Table.Cell key={n} className="operator-number">
                            {price ? <Money ore={price.monthlyPriceOre} /> : '–'}
                          </Table.Cell>
                        );
                      })}
                    </Table.Row>
                  ))}
                </Table.Body>
              </Table>
              {canWrite && v.state === 'future' && (
                <Button
                  variant="secondary"
                  data-size="sm"
                  data-color="danger"
                  loading={withdraw.isPending && withdraw.variables?.validFrom === v.validFrom}
                  onClick={() => withdraw.mutate({ validFrom: v.validFrom })}
                >
                  {t('versions.withdraw')}
                </Button>
              )}
            </Details.Content>
          </Details>
        );
      })}
    </section>
  );
}
