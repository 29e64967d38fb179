/** The company API's shapes (api-contract.md + the company routes), as the portal reads them. */

export type SubscriptionStatus = 'pending' | 'approved' | 'active' | 'ended' | 'rejected' | 'cancelled';
export const STATUSES: SubscriptionStatus[] = [
  'pending',
  'approved',
  'active',
  'ended',
  'rejected',
  'cancelled',
];

export type Subscription = {
  id: string;
  companyId: string;
  status: SubscriptionStatus;
  firstName: string;
  lastName: string;
  phone: string;
  zoneIds: string[];
  categoryId: string;
  startDate: string;
  endDate: string | null;
  fields: Record<string, string | number | boolean>;
  createdAt: string;
  rejectionReason?: string | null;
  replacesId?: string | null;
  upcomingZoneIds?: string[] | null;
  upcomingZoneIdsFrom?: string | null;
};

export type ZoneSet = { zoneIds: string[]; validFrom: string; validTo: string | null };

export type HistoryEntry = {
  id?: string | number;
  at: string;
  action: string;
  actorLabel?: string;
  actorType?: string;
  before?: unknown;
  after?: unknown;
};

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
  options?: string[];
};
export type OrderForm = {
  kind: 'standard' | 'custom';
  intro: string;
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
};

export type Dashboard = {
  month: string;
  counts: Record<SubscriptionStatus, number>;
  monthlyCost: { subscriptions: number; priceOre: number; companyShareOre: number; deductionOre: number };
};
