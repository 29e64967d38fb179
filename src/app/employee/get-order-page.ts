import { loadCatalog } from '../../db/repositories/catalog';
import { listDepartments } from '../../db/repositories/departments';
import type { OrderField } from '../../db/schema/companies';
import { monthOf, osloToday } from '../../domain/calendar';
import { MAX_PRICED_ZONES, priceForMonth } from '../../domain/catalog';
import { AppError } from '../../domain/errors';
import { type Subsidy, splitCost } from '../../domain/money';
import { orderStartDate } from '../../domain/subscription';
import type { AppContext } from '../context';
import { companyByOrderToken } from './order-company';

export interface OrderPrice {
  categoryId: string;
  zoneCount: number;
  monthlyPriceOre: number;
  companyShareOre: number;
  deductionOre: number;
}

export interface OrderPage {
  company: { name: string };
  intro: string;
  selfService: 'disabled' | 'manual' | 'automatic';
  orderingOpen: boolean;
  /** The phone of this browser's employee session when it belongs to this company. */
  signedInPhone: string | null;
  startDate: string;
  fields: OrderField[];
  zones: { id: string; name: string }[];
  categories: { id: string; name: string; nameEn: string }[];
  prices: OrderPrice[];
  maxPricedZones: number;
  subsidy: Subsidy;
  deductionTerms: string;
  introEn: string;
  deductionTermsEn: string;
  /** The company's departments the employee may choose from (issue 16 item 3); empty = none. */
  departments: { id: string; name: string }[];
}

/**
 * What the order link shows (rules 2, 3, 5): the company's name and intro, and, when it takes
 * orders, its form, the offered zones and categories, the locked start date and the prices of
 * the start month with the company's share and the employee's deduction.
 */
export async function getOrderPage(
  ctx: AppContext,
  input: { orderToken: string; viewer: { companyId: string | null; phone: string | null } | null },
): Promise<OrderPage> {
  const company = await companyByOrderToken(ctx.db, input.orderToken);
  const startDate = orderStartDate(osloToday(ctx.clock.now()));
  const open = company.selfService !== 'disabled';
  const signedInPhone = input.viewer?.companyId === company.id ? (input.viewer.phone ?? null) : null;
  const base = {
    company: { name: company.name },
    intro: company.orderForm.intro,
    introEn: company.orderForm.introEn ?? '',
    selfService: company.selfService,
    orderingOpen: open,
    signedInPhone,
    startDate,
    maxPricedZones: MAX_PRICED_ZONES,
    subsidy: company.subsidy,
  };
  if (!open)
    return {
      ...base,
      fields: [],
      zones: [],
      categories: [],
      prices: [],
      deductionTerms: '',
      deductionTermsEn: '',
      departments: [],
    };

  const catalog = await loadCatalog(ctx.db);
  const form = company.orderForm;
  const zones = catalog.zones
    .filter((z) => z.active && (!form.offeredZoneIds || form.offeredZoneIds.includes(z.id)))
    .map(({ id, name }) => ({ id, name }));
  const categories = catalog.categories
    .filter((c) => c.active && (!form.offeredCategoryIds || form.offeredCategoryIds.includes(c.id)))
    .map(({ id, name, nameEn }) => ({ id, name, nameEn }));
  const prices: OrderPrice[] = [];
  for (const category of categories) {
    for (let zoneCount = 1; zoneCount <= MAX_PRICED_ZONES; zoneCount++) {
      try {
        const price = priceForMonth(catalog.prices, category.id, zoneCount, monthOf(startDate));
        const split = splitCost(price, company.subsidy);
        prices.push({ categoryId: category.id, zoneCount, monthlyPriceOre: price, ...pick(split) });
      } catch (error) {
        if (!(error instanceof AppError && error.code === 'PRICE_MISSING')) throw error;
      }
    }
  }
  return {
    ...base,
    fields: form.fields,
    zones,
    categories,
    prices,
    deductionTerms: company.deductionTerms,
    deductionTermsEn: form.deductionTermsEn ?? '',
    // Issue 16 item 3: the employee may choose a department (by name only) if the company has some.
    departments: (await listDepartments(ctx.db, company.id)).map((d) => ({ id: d.id, name: d.name })),
  };
}

function pick(split: { companyShareOre: number; deductionOre: number }) {
  return { companyShareOre: split.companyShareOre, deductionOre: split.deductionOre };
}
