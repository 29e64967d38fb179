import { Paragraph } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { monthOf } from '../../../../domain/calendar';
import { type PriceVersion, priceForMonth } from '../../../../domain/catalog';
import { type CostSplit, type Subsidy as DomainSubsidy, splitCost } from '../../../../domain/money';
import { Money } from '../../../ui/Money';
import type { Catalog, Subsidy } from '../types';

/** The monthly price, the company's share and the employee's deduction; null when it cannot be priced. */
export function costOf(
  catalog: Catalog | undefined,
  subsidy: Subsidy | undefined,
  choice: { categoryId: string; zoneCount: number; date: string },
): CostSplit | null {
  if (!catalog || !choice.categoryId || choice.zoneCount < 1) return null;
  try {
    const price = priceForMonth(
      catalog.prices as PriceVersion[],
      choice.categoryId,
      choice.zoneCount,
      monthOf(choice.date),
    );
    return splitCost(price, (subsidy ?? { type: 'none' }) as DomainSubsidy);
  } catch {
    return null;
  }
}

/** The monthly price, company share and deduction; in `lang` when given, else the admin's language. */
export function PriceSummary({ cost, lang }: { cost: CostSplit | null; lang?: 'nb' | 'en' }) {
  const { t } = useTranslation('company', lang ? { lng: lang } : undefined);
  if (!cost) return null;
  return (
    <Paragraph aria-live="polite">
      {t('price.monthly')} <Money ore={cost.priceOre} /> · {t('price.companyShare')}{' '}
      <Money ore={cost.companyShareOre} /> · {t('price.deduction')} <Money ore={cost.deductionOre} />
    </Paragraph>
  );
}
