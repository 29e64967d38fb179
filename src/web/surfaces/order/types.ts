/** GET /api/order/{orderToken} */
export interface OrderPage {
  company: { name: string };
  intro: string;
  selfService: 'disabled' | 'manual' | 'automatic';
  orderingOpen: boolean;
  signedInPhone: string | null;
  startDate: string;
  fields: OrderField[];
  zones: { id: string; name: string }[];
  categories: { id: string; name: string; nameEn: string }[];
  prices: {
    categoryId: string;
    zoneCount: number;
    monthlyPriceOre: number;
    companyShareOre: number;
    deductionOre: number;
  }[];
  maxPricedZones: number;
  deductionTerms: string;
}

export interface OrderField {
  key: string;
  label: string;
  type: 'text' | 'number' | 'select' | 'checkbox';
  required: boolean;
  helpText?: string;
  options?: string[];
}

export type SubscriptionStatus = 'pending' | 'approved' | 'active' | 'ended' | 'rejected' | 'cancelled';

/** The contract's Subscription object. */
export interface Subscription {
  id: string;
  status: SubscriptionStatus;
  firstName: string;
  lastName: string;
  zoneIds: string[];
  categoryId: string;
  startDate: string;
  endDate: string | null;
  rejectionReason: string | null;
  createdAt: string;
}

export interface Catalog {
  zones: { id: string; name: string }[];
  categories: { id: string; name: string; nameEn: string }[];
}
