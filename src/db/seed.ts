import { eq, sql } from 'drizzle-orm';
import { hashPassword } from '../adapters/passwords';
import { exampleCatalog } from '../domain/example-catalog';
import type { Db } from './engine';
import { catalogMeta, categories, prices, users, zones } from './schema';

/** Loads the example fare catalog when the catalog is empty (a fresh database). */
export async function seedExampleCatalog(db: Db): Promise<boolean> {
  const existing = await db.select({ id: zones.id }).from(zones).limit(1);
  if (existing.length > 0) return false;
  await db.transaction(async (tx) => {
    await tx.insert(zones).values(exampleCatalog.zones.map((z, i) => ({ ...z, sortOrder: i })));
    await tx.insert(categories).values(exampleCatalog.categories.map((c, i) => ({ ...c, sortOrder: i })));
    await tx.insert(prices).values(exampleCatalog.prices);
    await tx.insert(catalogMeta).values({ id: 1, isExample: true }).onConflictDoNothing();
  });
  return true;
}

/** Makes sure the first operator user exists (OPERATOR_EMAIL / OPERATOR_PASSWORD). */
export async function ensureOperator(db: Db, email: string, password: string): Promise<void> {
  const [existing] = await db
    .select({ id: users.id })
    .from(users)
    .where(eq(sql`lower(${users.email})`, email.toLowerCase()));
  if (existing) return;
  await db.insert(users).values({
    email: email.toLowerCase(),
    name: 'Operatør',
    role: 'operator',
    operatorRole: 'admin',
    passwordHash: await hashPassword(password),
  });
}
