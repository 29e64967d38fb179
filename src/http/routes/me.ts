import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../app/context';
import { cancelSubscription } from '../../app/employee/cancel-subscription';
import { confirmDeductionConsent } from '../../app/employee/confirm-deduction-consent';
import { getMe } from '../../app/employee/get-me';
import { listMyConsents } from '../../app/employee/list-my-consents';
import { listMySubscriptions } from '../../app/employee/list-my-subscriptions';
import { orderSubscription } from '../../app/employee/order-subscription';
import { setMyLanguage } from '../../app/employee/set-my-language';
import { requireEmployee } from '../auth/sessions';
import { text } from '../schemas';
import { languageField } from './employee-login';

/** The contract's Subscription object (plus the extra fields the UI shows). */
export const subscriptionSchema = z.object({
  id: z.string(),
  companyId: z.string(),
  status: z.enum(['pending', 'approved', 'active', 'ended', 'rejected', 'cancelled']),
  firstName: z.string(),
  lastName: z.string(),
  phone: z.string(),
  zoneIds: z.array(z.string()),
  categoryId: z.string(),
  startDate: z.string(),
  endDate: z.string().nullable(),
  fields: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])),
  createdAt: z.string(),
  rejectionReason: z.string().nullable(),
  source: z.string(),
  replacesId: z.string().nullable(),
  revokedAt: z.string().nullable(),
  departmentId: z.string().nullable().describe('The company department it belongs to (issue 16 item 3)'),
  upcomingZoneIds: z.array(z.string()).nullable(),
  upcomingZoneIdsFrom: z.string().nullable(),
});

/** A subscription as its employee sees it in "Dine abonnement" (issue 15 item 4). */
const mySubscriptionSchema = subscriptionSchema.extend({
  monthlyPriceOre: z.number().nullable().describe('The monthly price in the running (or first) month, øre'),
  companyShareOre: z.number().nullable().describe("The company's share of it, øre"),
  deductionOre: z.number().nullable().describe("The employee's own monthly salary deduction, øre"),
  ticketPath: z.string().nullable().describe('The wallet path /billett/{token} while approved or active'),
});

const consentSchema = z.object({
  id: z.string(),
  subscriptionId: z.string(),
  status: z.enum(['open', 'confirmed', 'withdrawn']),
  reason: z.enum(['zones', 'category', 'subsidy', 'added', 'price']),
  consentedDeductionOre: z.number().describe('The monthly deduction agreed before, øre'),
  deductionOre: z.number().describe('The raised monthly deduction to agree to, øre'),
  priceOre: z.number(),
  companyShareOre: z.number(),
  effectiveFrom: z.string(),
  categoryId: z.string(),
  zoneIds: z.array(z.string()),
  termsText: z.string(),
  confirmedAt: z.string().nullable(),
});

const orderBody = z.object({
  firstName: text.personName(),
  lastName: text.personName(),
  zoneIds: z.array(text.opaque({ max: 100 })).max(100),
  categoryId: text.opaque({ max: 100 }),
  fields: z.record(text.opaque({ max: 100 }), z.unknown()).default({}),
  consent: z.boolean(),
  departmentId: text
    .opaque({ max: 100 })
    .nullable()
    .optional()
    .describe('one of the departments the order page lists (issue 16 item 3)'),
  language: languageField,
});

/** The employee's own session: who am I, my subscriptions, order, cancel (rules 5 and 10). */
export function meRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/me',
      {
        schema: {
          tags: ['employee'],
          response: {
            200: z.object({
              phone: z.string(),
              company: z.object({
                id: z.string(),
                name: z.string(),
                selfService: z.enum(['disabled', 'manual', 'automatic']),
              }),
            }),
          },
        },
      },
      async (request) => getMe(ctx, { actor: requireEmployee(request) }),
    );

    app.get(
      '/api/me/subscriptions',
      {
        schema: { tags: ['employee'], response: { 200: z.object({ items: z.array(mySubscriptionSchema) }) } },
      },
      async (request) => ({ items: await listMySubscriptions(ctx, { actor: requireEmployee(request) }) }),
    );

    app.post(
      '/api/me/subscriptions',
      {
        schema: {
          tags: ['employee'],
          body: orderBody,
          headers: z.object({ 'idempotency-key': text.opaque({ max: 200 }).optional() }),
          response: { 200: subscriptionSchema, 201: subscriptionSchema },
        },
      },
      async (request, reply) => {
        const actor = requireEmployee(request);
        const { subscription, created } = await orderSubscription(ctx, {
          actor,
          ...request.body,
          idempotencyKey: request.headers['idempotency-key'] ?? null,
        });
        return reply.status(created ? 201 : 200).send(subscription);
      },
    );

    app.post(
      '/api/me/subscriptions/:id/cancel',
      {
        schema: {
          tags: ['employee'],
          params: z.object({ id: text.opaque({ max: 100 }) }),
          response: { 200: subscriptionSchema },
        },
      },
      async (request) =>
        cancelSubscription(ctx, { actor: requireEmployee(request), subscriptionId: request.params.id }),
    );

    app.get(
      '/api/me/consents',
      {
        schema: {
          tags: ['employee'],
          summary: 'Higher deductions the company made that wait for the employee to agree (issue 15)',
          querystring: z.object({ language: languageField }),
          response: { 200: z.object({ items: z.array(consentSchema) }) },
        },
      },
      async (request) => ({
        items: await listMyConsents(ctx, {
          actor: requireEmployee(request),
          language: request.query.language,
        }),
      }),
    );

    app.post(
      '/api/me/consents/:id/confirm',
      {
        schema: {
          tags: ['employee'],
          summary: 'The employee agrees to the higher deduction: terms text, amount and time are stored',
          params: z.object({ id: text.opaque({ max: 100 }) }),
          body: z.object({
            language: languageField,
            deductionOre: z
              .number()
              .int()
              .min(0)
              .max(100_000_000)
              .describe(
                'The monthly deduction in øre the employee saw and agrees to; 409 CONSENT_AMOUNT_CHANGED when the request now holds another',
              ),
          }),
          response: { 200: consentSchema },
        },
      },
      async (request) =>
        confirmDeductionConsent(ctx, {
          actor: requireEmployee(request),
          id: request.params.id,
          language: request.body.language,
          deductionOre: request.body.deductionOre,
        }),
    );

    app.put(
      '/api/me/language',
      {
        schema: {
          tags: ['employee'],
          summary: "The employee's language for the messages they get",
          body: z.object({ language: z.enum(['nb', 'en']) }),
          response: { 204: z.null() },
        },
      },
      async (request, reply) => {
        await setMyLanguage(ctx, { actor: requireEmployee(request), language: request.body.language });
        return reply.status(204).send(null);
      },
    );
  };
}
