import { Alert, Button, Heading, Paragraph, Table, Textfield } from '@digdir/designsystemet-react';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { priceOn } from '../../../../domain/catalog';
import { useApiMutation } from '../../../query';
import { ErrorMessage } from '../../../ui/ErrorMessage';
import { Money } from '../../../ui/Money';
import { SuccessMessage } from '../../../ui/SuccessMessage';
import { categoryName } from './CatalogPage';
import { allPrices, CATALOG_PATH, type OperatorCatalog, type VersionPrice, ZONE_COUNTS } from './types';

type Preview = {
  month: string;
  subscriptions: number;
  companies: number;
  revenueBeforeOre: number;
  revenueAfterOre: number;
};

function firstOfNextMonth(today: string): string {
  const [y, m] = today.split('-').map(Number);
  const next = new Date(Date.UTC(y ?? 1970, m ?? 1, 1));
  return next.toISOString().slice(0, 10);
}

function kronerToOre(text: string): number | null {
  const m = /^\s*(\d{1,7})(?:[.,](\d{1,2}))?\s*$/.exec(text);
  return m ? Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0')) : null;
}

function oreToKroner(ore: number): string {
  return ore % 100 === 0 ? String(ore / 100) : (ore / 100).toFixed(2).replace('.', ',');
}

/** A new price version: valid from a coming 1st, previewed before it is saved. */
export function NewPriceVersionForm({ catalog }: { catalog: OperatorCatalog }) {
  const { t, i18n } = useTranslation('operator');
  const prices = allPrices(catalog);
  const categories = catalog.categories.filter((c) => c.active);
  const [validFrom, setValidFrom] = useState(firstOfNextMonth(catalog.today));
  const [values, setValues] = useState<Record<string, string>>({});
  const [problem, setProblem] = useState<string | null>(null);
  const baseline = (categoryId: string, n: number) => {
    try {
      return priceOn(
        prices.filter((p) => p.validFrom !== validFrom),
        categoryId,
        n,
        validFrom,
      );
    } catch {
      return null;
    }
  };
  const changed = (): VersionPrice[] | null => {
    const out: VersionPrice[] = [];
    for (const c of categories) {
      for (const n of ZONE_COUNTS) {
        const text = values[`${c.id}|${n}`];
        if (text === undefined || text.trim() === '') continue;
        const ore = kronerToOre(text);
        if (ore === null || ore <= 0) return null;
        if (ore !== baseline(c.id, n)) out.push({ categoryId: c.id, zoneCount: n, monthlyPriceOre: ore });
      }
    }
    return out;
  };
  const preview = useApiMutation<Preview, { validFrom: string; prices: VersionPrice[] }>(
    'post',
    '/api/operator/catalog/price-versions/preview',
  );
  const save = useApiMutation<unknown, { prices: VersionPrice[] }>(
    'put',
    () => `/api/operator/catalog/price-versions/${validFrom}`,
    {
      invalidates: [CATALOG_PATH, '/api/catalog'],
      onSuccess: () => {
        setValues({});
        preview.reset();
      },
    },
  );
  const checked = () => {
    const list = changed();
    if (list === null) setProblem(t('priceVersion.invalidAmount'));
    else if (list.length === 0) setProblem(t('priceVersion.nothingChanged'));
    else setProblem(null);
    return list && list.length > 0 ? list : null;
  };
  const onPreview = () => {
    save.reset();
    const list = checked();
    if (list) preview.mutate({ validFrom, prices: list });
  };
  const onSave = (e: FormEvent) => {
    e.preventDefault();
    const list = checked();
    if (list) save.mutate({ prices: list });
  };
  const p = preview.data;
  return (
    <section className="operator-stack" aria-labelledby="new-version">
      <Heading level={2} data-size="sm" id="new-version">
        {t('priceVersion.title')}
      </Heading>
      <Paragraph>{t('priceVersion.intro')}</Paragraph>
      <form className="operator-form" onSubmit={onSave} noValidate>
        <Textfield
          label={t('priceVersion.validFrom')}
          description={t('priceVersion.validFromHelp')}
          type="date"
          value={validFrom}
          onChange={(e) => {
            setValidFrom(e.target.value);
            preview.reset();
          }}
          className="operator-price-input"
          required
        />
        <div className="operator-table-wrap">
          <Table data-size="sm">
            <caption>{t('priceVersion.tableCaption')}</caption>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell>{t('catalog.category')}</Table.HeaderCell>
                {ZONE_COUNTS.map((n) => (
                  <Table.HeaderCell key={n}>{t(`catalog.zones${n}`)}</Table.HeaderCell>
                ))}
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {categories.map((c) => (
                <Table.Row key={c.id}>
                  <Table.HeaderCell scope="row">{categoryName(c, i18n.resolvedLanguage)}</Table.HeaderCell>
                  {ZONE_COUNTS.map((n) => {
                    const base = baseline(c.id, n);
                    const key = `${c.id}|${n}`;
                    return (
                      <Table.Cell key={n}>
                        <Textfield
                          className="operator-price-input"
                          aria-label={t('priceVersion.priceLabel', {
                            category: categoryName(c, i18n.resolvedLanguage),
                            zones: t(`catalog.zones${n}`),
                          })}
                          suffix="kr"
                          inputMode="decimal"
                          placeholder={base === null ? '' : oreToKroner(base)}
                          value={values[key] ?? ''}
                          onChange={(e) => setValues({ ...values, [key]: e.target.value })}
                        />
                      </Table.Cell>
                    );
                  })}
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </div>
        <Paragraph data-size="sm">{t('priceVersion.placeholderHelp')}</Paragraph>
        {problem && (
          <Alert data-color="danger" role="alert">
            <Paragraph>{problem}</Paragraph>
          </Alert>
        )}
        <ErrorMessage error={preview.error ?? save.error} />
        {p && (
          <Alert data-color="info" role="status">
            <Heading level={3} data-size="2xs">
              {t('priceVersion.previewTitle')}
            </Heading>
            <Paragraph>
              {t('priceVersion.previewTouches', { subscriptions: p.subscriptions, companies: p.companies })}
            </Paragraph>
            <Paragraph>
              {t('priceVersion.previewRevenue')} <Money ore={p.revenueBeforeOre} /> →{' '}
              <Money ore={p.revenueAfterOre} />
            </Paragraph>
          </Alert>
        )}
        {save.isSuccess && (
          <SuccessMessage>
            <Paragraph>{t('priceVersion.saved')}</Paragraph>
          </SuccessMessage>
        )}
        <div className="operator-actions">
          <Button type="button" variant="secondary" onClick={onPreview} loading={preview.isPending}>
            {t('priceVersion.preview')}
          </Button>
          <Button type="submit" loading={save.isPending}>
            {t('priceVersion.save')}
          </Button>
        </div>
      </form>
    </section>
  );
}
