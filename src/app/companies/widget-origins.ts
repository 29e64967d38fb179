import { AppError } from '../../domain/errors';
import type { AppContext } from '../context';
import { companyByOrderToken } from '../employee/order-company';

/**
 * Issue 12.8: the origins the company behind an order link lets frame its order page (the widget).
 * An unknown, rotated or deactivated link has none.
 */
export async function widgetOriginsFor(ctx: AppContext, input: { orderToken: string }): Promise<string[]> {
  try {
    return (await companyByOrderToken(ctx.db, input.orderToken)).widgetOrigins;
  } catch (error) {
    if (error instanceof AppError && error.code === 'ORDER_LINK_INVALID') return [];
    throw error;
  }
}
