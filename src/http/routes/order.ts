import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../app/context';
import { getOrderPage } from '../../app/employee/get-order-page';
import { requestLoginCode } from '../../app/employee/request-login-code';
import { verifyLoginCode } from '../../app/employee/verify-login-code';
import { text } from '../schemas';
import {
  employeeSignedInSchema,
  loginCodeRequestBody,
  loginCodeSentSchema,
  loginCodeVerifyBody,
  replyCodeSent,
  signInEmployee,
} from './employee-login';

const params = z.object({ orderToken: text.opaque({ max: 200 }) });
/** The web app's language: the employee's choice for the messages they get (issue 15). */

export const orderPageSchema = z.object({
  company: z.object({ name: z.string() }),
  intro: z.string(),
  selfService: z.enum(['disabled', 'manual', 'automatic']),
  orderingOpen: z.boolean(),
  signedInPhone: z.string().nullable(),
  startDate: z.string(),
  fields: z.array(
    z.object({
      key: z.string(),
      label: z.string(),
      type: z.enum(['text', 'number', 'select', 'checkbox']),
      required: z.boolean(),
      helpText: z.string().optional(),
      labelEn: z.string().optional(),
      helpTextEn: z.string().optional(),
      options: z.array(z.string()).optional(),
      optionsEn: z.array(z.string()).optional(),
    }),
  ),
  zones: z.array(z.object({ id: z.string(), name: z.string() })),
  categories: z.array(z.object({ id: z.string(), name: z.string(), nameEn: z.string() })),
  prices: z.array(
    z.object({
      categoryId: z.string(),
      zoneCount: z.number(),
      monthlyPriceOre: z.number(),
      companyShareOre: z.number(),
      deductionOre: z.number(),
    }),
  ),
  maxPricedZones: z.number(),
  subsidy: z.object({ type: z.enum(['none', 'percent', 'fixed']), value: z.number().optional() }),
  deductionTerms: z.string(),
  /** The company's English texts (issue 15.3): empty when not written; bokmål is shown instead. */
  introEn: z.string(),
  deductionTermsEn: z.string(),
  departments: z
    .array(z.object({ id: z.string(), name: z.string() }))
    .describe("The company's departments, one of which the employee may choose (issue 16 item 3)"),
});

/** The public order link: its page data and the SMS-code login (rules 3 and 4). */
export function orderRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/order/:orderToken',
      { schema: { tags: ['employee'], params, response: { 200: orderPageSchema } } },
      async (request) =>
        getOrderPage(ctx, { orderToken: request.params.orderToken, viewer: request.session }),
    );

    app.post(
      '/api/order/:orderToken/otp',
      {
        schema: {
          tags: ['employee'],
          params,
          body: loginCodeRequestBody,
          response: { 202: loginCodeSentSchema },
        },
      },
      async (request, reply) => {
        const sent = await requestLoginCode(ctx, {
          orderToken: request.params.orderToken,
          phone: request.body.phone,
          ip: request.ip,
          language: request.body.language,
        });
        return replyCodeSent(reply, sent);
      },
    );

    app.post(
      '/api/order/:orderToken/otp/verify',
      {
        schema: {
          tags: ['employee'],
          params,
          body: loginCodeVerifyBody,
          response: { 200: employeeSignedInSchema },
        },
      },
      async (request, reply) => {
        const who = await verifyLoginCode(ctx, { orderToken: request.params.orderToken, ...request.body });
        return signInEmployee(ctx, request, reply, who);
      },
    );
  };
}
