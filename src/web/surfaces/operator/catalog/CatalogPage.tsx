import { Alert, Heading, Paragraph, Table } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { priceOn } from '../../../../domain/catalog';
import { useApiQuery } from '../../../query';
import { DateText } from '../../../ui/DateText';
import { ErrorMessage } from '../../../ui/ErrorMessage';
import { Loading } from '../../../ui/Loading';
import { Money } from '../../../ui/Money';
import { usePageTitle } from '../../../ui/usePageTitle';
import { useCanWrite } from '../shared/session';
import { CategoriesSection } from './CategoriesSection';
import { ImportExportSection } from './ImportExportSection';
import { NewPriceVersionForm } from './NewPriceVersionForm';
import { allPrices, CATALOG_PATH, type OperatorCatalog, ZONE_COUNTS } from './types';
import { VersionsSection } from './VersionsSection';
import { ZonesSection } from './ZonesSection';

export function categoryName(c: { name: string; nameEn: string }, language: string | undefined) {
  return language === 'en' ? c.nameEn : c.name;
}

function priceOrNull(prices: ReturnType<typeof allPrices>, categoryId: string, n: number, date: string) {
  try {
    return priceOn(prices, categoryId, n, date);
  } catch {
    return null;
  }
}

/** Takster: zones, traveller categories, price versions with valid-from dates, import and export. */
export function CatalogPage() {
  const { t, i18n } = useTranslation('operator');
  usePageTitle(t('catalog.title'));
  const canWrite = useCanWrite();
  const query = useApiQuery<OperatorCatalog>(CATALOG_PATH);
  if (query.error) return <ErrorMessage error={query.error} />;
  if (!query.data) return <Loading />;
  const catalog = query.data;
  const prices = allPrices(catalog);
  return (
    <>
      <Heading level={1} data-size="lg">
        {t('catalog.title')}
      </Heading>
      {catalog.isExample && (
        <Alert data-color="warning">
          <Paragraph>{t('catalog.example')}</Paragraph>
        </Alert>
      )}
      <section className="operator-stack" aria-labelledby="current-prices">
        <Heading level={2} data-size="sm" id="current-prices">
          {t('catalog.currentPrices')} (<DateText date={catalog.today} />)
        </Heading>
        <div className="operator-table-wrap">
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
              {catalog.categories
                .filter((c) => c.active)
                .map((c) => (
                  <Table.Row key={c.id}>
                    <Table.HeaderCell scope="row">{categoryName(c, i18n.resolvedLanguage)}</Table.HeaderCell>
                    {ZONE_COUNTS.map((n) => {
                      const price = priceOrNull(prices, c.id, n, catalog.today);
                      return (
                        <Table.Cell key={n} className="operator-number" data-testid={`current-${c.id}-${n}`}>
                          {price === null ? t('catalog.noPrice') : <Money ore={price} />}
                        </Table.Cell>
                      );
                    })}
                  </Table.Row>
                ))}
            </Table.Body>
          </Table>
        </div>
      </section>
      {canWrite && <NewPriceVersionForm catalog={catalog} />}
      <VersionsSection catalog={catalog} canWrite={canWrite} />
      <ZonesSection catalog={catalog} canWrite={canWrite} />
      <CategoriesSection catalog={catalog} canWrite={canWrite} />
      <ImportExportSection canWrite={canWrite} />
    </>
  );
}
