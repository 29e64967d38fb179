import type { AuditEntryDto } from '../../../app/audit/list-audit';
/** The company API's shapes (api-contract.md + the company routes), as the portal reads them. */

import type { SubscriptionDto } from '../../../app/subscriptions/to-dto';
import type { SubscriptionStatus } from '../../../domain/subscription';

export type { SubscriptionStatus } from '../../../domain/subscription';
/** The contract's Subscription object: the server's own type (a type only: nothing of the server is bundled). */
export type Subscription = SubscriptionDto;

export const STATUSES: SubscriptionStatus[] = [
  'pending',
  'approved',
  'active',
  'ended',
  'rejected',
  'cancelled',
];

export type ZoneSet = { zoneIds: string[]; validFrom: string; validTo: string | null };

/** An entry of a subscription's history: a sentence in the reader's language (issue 16, item 7). */
export type HistoryEntry = AuditEntryDto;

export type SubscriptionDetail = Subscription & {
  zoneSets?: ZoneSet[];
  history?: HistoryEntry[];
  replacedById?: string | null;
};

export type SelfService = 'disabled' | 'manual' | 'automatic';
export type Subsidy = { type: 'none' | 'percent' | 'fixed'; value: number };
export type OrderFieldType = 'text' | 'number' | 'select' | 'checkbox';
export type OrderField = {
  key: string;
  label: string;
  type: OrderFieldType;
  required: boolean;
  helpText?: string;
  labelEn?: string;
  helpTextEn?: string;
  options?: string[];
  /** English labels of `options`, by position (issue 15.3). */
  optionsEn?: string[];
};
export type OrderForm = {
  kind: 'standard' | 'custom';
  intro: string;
  introEn?: string;
  fields: OrderField[];
  offeredZoneIds: string[] | null;
  offeredCategoryIds: string[] | null;
};
export type Settings = {
  company?: { id: string; orgNumber: string; name: string };
  selfService: SelfService;
  subsidy: Subsidy;
  orderForm: OrderForm;
  deductionTerms: string;
  deductionTermsEn?: string;
  /** Issue 15 (c): the terms cover a price-list raise (always with the default terms). */
  deductionFollowsPriceList?: boolean;
  widgetOrigins: string[];
};

export type Catalog = {
  isExample: boolean;
  zones: { id: string; name: string; active: boolean }[];
  categories: { id: string; name: string; nameEn: string; active: boolean }[];
  maxPricedZones: number;
  prices: { categoryId: string; zoneCount: number; monthlyPriceOre: number; validFrom: string }[];
};

export type User = {
  id: string;
  email: string;
  name: string;
  role: 'operator' | 'company_admin';
  companyId?: string;
  /** Issue 16 item 4: a payroll admin reads subscriptions, payroll and invoices, and changes nothing. */
  companyRole?: 'full' | 'payroll' | 'department';
};

export type Dashboard = {
  month: string;
  counts: Record<SubscriptionStatus, number>;
  monthlyCost: { subscriptions: number; priceOre: number; companyShareOre: number; deductionOre: number };
  openConsents: {
    subscriptionId: string;
    name: string;
    consentedDeductionOre: number;
    deductionOre: number;
    effectiveFrom: string;
    since: string;
  }[];
};
