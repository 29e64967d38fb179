/** The order API's shapes, as the order page reads them: the server's own types (types only). */
import type { OrderPage as OrderPageDto } from '../../../app/employee/get-order-page';
import type { MySubscriptionDto } from '../../../app/employee/list-my-subscriptions';

export type { SubscriptionStatus } from '../../../domain/subscription';
/** GET /api/order/{orderToken} */
export type OrderPage = OrderPageDto;
export type OrderField = OrderPage['fields'][number];
/** The contract's Subscription object, as GET /api/me/subscriptions gives it to its employee. */
export type Subscription = MySubscriptionDto;

export interface Catalog {
  zones: { id: string; name: string }[];
  categories: { id: string; name: string; nameEn: string }[];
}
