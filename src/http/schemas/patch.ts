import type { z } from 'zod';

/**
 * A PATCH body: the object schema, refusing a body that changes nothing (`{}` or only
 * undefined values) with a 400 `empty_patch` on `body`. Every PATCH route's body uses it.
 */
export function patchBody<T extends z.ZodObject>(schema: T) {
  return schema.refine((value) => Object.values(value as object).some((v) => v !== undefined), {
    message: 'empty_patch',
    params: { problem: 'empty_patch' },
  });
}
