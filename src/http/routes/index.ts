import type { FastifyInstance } from 'fastify';
import type { AdjustableClock } from '../../adapters/clock';
import type { AppContext } from '../../app/context';
import { authRoutes } from './auth';
import { billingCompanyRoutes } from './billing-company';
import { billingOperatorRoutes } from './billing-operator';
import { catalogRoutes } from './catalog';
import { companyRoutes } from './company';
import { companyAdminRoutes } from './company-admins';
import { companyBulkRoutes } from './company-bulk';
import { companySubscriptionRoutes } from './company-subscriptions';
import { consentRoutes } from './consent';
import { departmentRoutes } from './departments';
import { devRoutes } from './dev';
import { healthRoutes, type ReadinessCheck } from './health';
import { inspectionRoutes } from './inspection';
import { invitationRoutes } from './invitations';
import { jwksRoutes } from './jwks';
import { loginLinkRoutes } from './login-link';
import { masterDataRoutes } from './master-data';
import { meRoutes } from './me';
import { operatorCatalogRoutes } from './operator-catalog';
import { operatorCompanyRoutes } from './operator-companies';
import { operatorCompaniesAdminRoutes } from './operator-companies-admin';
import { operatorFiguresRoutes } from './operator-figures';
import { operatorMessagesRoutes } from './operator-messages';
import { operatorStaffRoutes } from './operator-staff';
import { operatorTicketSettingsRoutes } from './operator-ticket-settings';
import { orderRoutes } from './order';
import { passkeyRoutes } from './passkeys';
import { passwordResetRoutes } from './password-reset';
import { payrollRoutes } from './payroll';
import { secondFactorRoutes } from './second-factor';
import { ticketRoutes } from './tickets';

/** Every route group. Each feature area registers its own plugin here. */
export async function registerRoutes(
  app: FastifyInstance,
  ctx: AppContext,
  options: { devClock?: AdjustableClock; readiness: Record<string, ReadinessCheck>; systemOnly?: boolean },
) {
  await app.register(healthRoutes(ctx, options.readiness));
  if (options.systemOnly) {
    if (ctx.config.NODE_ENV !== 'production' && options.devClock)
      await app.register(devRoutes(ctx, options.devClock));
    return;
  }
  await app.register(authRoutes(ctx));
  await app.register(catalogRoutes(ctx));
  await app.register(ticketRoutes(ctx));
  await app.register(inspectionRoutes(ctx));
  await app.register(jwksRoutes(ctx));
  await app.register(orderRoutes(ctx));
  await app.register(consentRoutes(ctx));
  await app.register(meRoutes(ctx));
  await app.register(operatorCompanyRoutes(ctx));
  await app.register(operatorCatalogRoutes(ctx));
  await app.register(operatorCompaniesAdminRoutes(ctx));
  await app.register(operatorMessagesRoutes(ctx));
  await app.register(operatorFiguresRoutes(ctx));
  await app.register(operatorStaffRoutes(ctx));
  await app.register(operatorTicketSettingsRoutes(ctx));
  await app.register(billingOperatorRoutes(ctx));
  await app.register(billingCompanyRoutes(ctx));
  await app.register(payrollRoutes(ctx));
  await app.register(invitationRoutes(ctx));
  await app.register(passwordResetRoutes(ctx));
  await app.register(loginLinkRoutes(ctx));
  await app.register(secondFactorRoutes(ctx));
  await app.register(passkeyRoutes(ctx));
  await app.register(companyRoutes(ctx));
  await app.register(companySubscriptionRoutes(ctx));
  await app.register(companyBulkRoutes(ctx));
  await app.register(companyAdminRoutes(ctx));
  await app.register(masterDataRoutes(ctx));
  await app.register(departmentRoutes(ctx));
  if (ctx.config.NODE_ENV !== 'production' && options.devClock)
    await app.register(devRoutes(ctx, options.devClock));
}
