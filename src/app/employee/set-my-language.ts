import { setEmployeeLanguage } from '../../db/repositories/subscriptions';
import type { Language } from '../../domain/message-catalogue';
import type { AppContext, EmployeeActor } from '../context';

/** Issue 15: the employee switched the web app's language; their messages follow it. */
export async function setMyLanguage(ctx: AppContext, input: { actor: EmployeeActor; language: Language }) {
  await setEmployeeLanguage(ctx.db, input.actor.companyId, input.actor.phone, input.language);
}
