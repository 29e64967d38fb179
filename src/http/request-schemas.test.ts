import Fastify, { type RouteOptions } from 'fastify';
import { serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import type { AdjustableClock } from '../adapters/clock';
import type { AppContext } from '../app/context';
import { registerRoutes } from './routes';
import { isCheckedString } from './schemas';

type Def = {
  type: string;
  shape?: Record<string, z.ZodType>;
  element?: z.ZodType;
  innerType?: z.ZodType;
  options?: z.ZodType[];
  keyType?: z.ZodType;
  valueType?: z.ZodType;
  in?: z.ZodType;
  out?: z.ZodType;
  left?: z.ZodType;
  right?: z.ZodType;
  items?: z.ZodType[];
  rest?: z.ZodType | null;
  getter?: () => z.ZodType;
  format?: string;
};

const def = (schema: z.ZodType) => (schema as unknown as { _zod: { def: Def } })._zod.def;

/** Formats zod checks strictly enough that no control or broken character can pass. */
const SAFE_FORMATS = new Set(['uuid', 'guid', 'datetime']);

/** Every string in `schema` that does not go through the text boundary, by path. */
function uncheckedStrings(schema: z.ZodType, path: string, seen = new Set<object>()): string[] {
  if (seen.has(schema)) return [];
  seen.add(schema);
  if (isCheckedString(schema)) return [];
  const d = def(schema);
  const walk = (child: z.ZodType | undefined | null, at: string) =>
    child ? uncheckedStrings(child, at, seen) : [];
  switch (d.type) {
    case 'string':
      return d.format && SAFE_FORMATS.has(d.format) ? [] : [path];
    case 'object':
      return Object.entries(d.shape ?? {}).flatMap(([key, child]) => walk(child, `${path}.${key}`));
    case 'array':
      return walk(d.element, `${path}[]`);
    case 'record':
      return [...walk(d.keyType, `${path}{key}`), ...walk(d.valueType, `${path}{value}`)];
    case 'union':
      return (d.options ?? []).flatMap((o) => walk(o, path));
    case 'intersection':
      return [...walk(d.left, path), ...walk(d.right, path)];
    case 'tuple':
      return [
        ...(d.items ?? []).flatMap((item, i) => walk(item, `${path}[${i}]`)),
        ...walk(d.rest, `${path}[]`),
      ];
    case 'pipe':
      return walk(d.in, path);
    case 'lazy':
      return walk(d.getter?.(), path);
    default:
      return walk(d.innerType, path);
  }
}

/** True when a builder of src/http/schemas appears anywhere in `schema`. */
function holdsCheckedString(schema: z.ZodType, seen = new Set<object>()): boolean {
  if (seen.has(schema)) return false;
  seen.add(schema);
  if (isCheckedString(schema)) return true;
  const d = def(schema);
  const children = [
    ...Object.values(d.shape ?? {}),
    ...(d.options ?? []),
    ...(d.items ?? []),
    d.element,
    d.innerType,
    d.keyType,
    d.valueType,
    d.in,
    d.out,
    d.left,
    d.right,
    d.rest,
  ];
  return children.some((child) => child && holdsCheckedString(child, seen));
}

async function collectRoutes(): Promise<RouteOptions[]> {
  const app = Fastify();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  const routes: RouteOptions[] = [];
  app.addHook('onRoute', (route) => {
    if (route.method !== 'HEAD') routes.push(route);
  });
  const ctx = { config: { NODE_ENV: 'test', DATA_DIR: 'memory://schemas' } } as unknown as AppContext;
  await registerRoutes(app, ctx, { devClock: {} as AdjustableClock, readiness: {} });
  await app.ready();
  await app.close();
  return routes;
}

const routes = await collectRoutes();
const requestParts = ['body', 'querystring', 'params', 'headers'] as const;

describe('request schemas (issue 14: one text boundary)', () => {
  it('finds the routes', () => {
    expect(routes.length).toBeGreaterThan(50);
  });

  it('every string a request carries goes through text.*, calendar.* (src/http/schemas), never a plain z.string()', () => {
    const offenders = routes.flatMap((route) =>
      requestParts.flatMap((part) => {
        const schema = (route.schema as Record<string, z.ZodType | undefined> | undefined)?.[part];
        return schema ? uncheckedStrings(schema, part).map((p) => `${route.method} ${route.url} ${p}`) : [];
      }),
    );
    expect(
      offenders,
      'use text.singleLine/multiLine/personName/email/search/opaque/secret or calendar.date/month',
    ).toEqual([]);
  });

  it('no response schema holds a text.* or calendar.* builder (they only parse; a response cannot encode them)', () => {
    const offenders = routes.flatMap((route) =>
      Object.entries(
        (route.schema as { response?: Record<string, z.ZodType> } | undefined)?.response ?? {},
      ).flatMap(([status, schema]) =>
        holdsCheckedString(schema) ? [`${route.method} ${route.url} ${status}`] : [],
      ),
    );
    expect(offenders).toEqual([]);
  });

  it('every PATCH body refuses an empty patch ({}) — patchBody() from src/http/schemas', () => {
    const patches = routes.filter((r) => r.method === 'PATCH');
    expect(patches.length).toBeGreaterThan(0);
    for (const route of patches) {
      const body = (route.schema as { body?: z.ZodType } | undefined)?.body;
      expect(body, `${route.url} has a body schema`).toBeDefined();
      expect(body?.safeParse({}).success, `PATCH ${route.url} {}`).toBe(false);
      expect(body?.safeParse({ nothing: undefined }).success, `PATCH ${route.url} with undefined only`).toBe(
        false,
      );
    }
  });
});
