import { listStaff as queryStaff } from '../../db/repositories/operator';
import type { AppContext } from '../context';

export function staffDto(u: Awaited<ReturnType<typeof queryStaff>>[number]) {
  return {
    id: u.id,
    email: u.email,
    name: u.name,
    role: u.operatorRole ?? 'admin',
    status: u.disabledAt ? ('disabled' as const) : u.hasPassword ? ('active' as const) : ('invited' as const),
    createdAt: u.createdAt.toISOString(),
  };
}

export async function listStaff(ctx: AppContext) {
  return (await queryStaff(ctx.db)).map(staffDto);
}
