/**
 * The bare baseline of `npm run bench:hot` (issue 17 item 2): plain Fastify 5 + pg reading the
 * product's tables, one hand-written statement per route, answering the same shape as the product.
 * It does the work no implementation can skip — the DPoP proof's signature and replay memory, the
 * session cookie's lookup, the QR code's two signatures and the rate-limit event — and nothing else:
 * no validation, no audit, no logging. It is a yardstick, not a product.
 */
import { createHash, randomBytes } from 'node:crypto';
import Fastify from 'fastify';
import { calculateJwkThumbprint, EmbeddedJWK, importJWK, type JWK, jwtVerify } from 'jose';
import pg from 'pg';
import { type IssuerKey, kid8OfThumbprint, verifyCode } from '../src/domain/ticket-code';

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

function cookie(header: string | undefined, name: string): string | null {
  for (const part of (header ?? '').split(';')) {
    const [k, ...v] = part.trim().split('=');
    if (k === name) return decodeURIComponent(v.join('='));
  }
  return null;
}

/** Starts the bare server on a free loopback port; `jwks` are the operator's public ticket keys. */
export async function startBare(databaseUrl: string, jwks: { keys: JWK[] }) {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 10 });
  const issuerKeys: IssuerKey[] = await Promise.all(
    jwks.keys.map(async (jwk) => ({
      kid8: kid8OfThumbprint(await calculateJwkThumbprint({ kty: jwk.kty, crv: jwk.crv, x: jwk.x })),
      key: (await importJWK({ ...jwk }, 'EdDSA')) as CryptoKey,
    })),
  );
  const app = Fastify({ logger: false });

  app.get<{ Params: { token: string } }>('/api/tickets/:token', async (request, reply) => {
    const proof = request.headers.dpop;
    let jkt: string | null = null;
    let jtiHash: string | null = null;
    if (typeof proof === 'string') {
      const { payload, protectedHeader } = await jwtVerify(proof, EmbeddedJWK, {
        typ: 'dpop+jwt',
        algorithms: ['ES256'],
      });
      const jwk = protectedHeader.jwk as JWK;
      jkt = await calculateJwkThumbprint({ kty: 'EC', crv: 'P-256', x: jwk.x!, y: jwk.y! });
      jtiHash = sha256(`${jkt}\n${payload.jti}`);
    }
    const { rows } = await pool.query(
      `with proof as (
         insert into dpop_proofs (jti_hash, expires_at) select $2, now() + interval '150 seconds'
         where $2::text is not null on conflict do nothing returning 1)
       select s.id, s.first_name, s.last_name, s.category_id, s.start_date, s.end_date, s.ticket_number,
         s.device_jkt, c.name as company_name, cat.name as cat_name, cat.name_en as cat_name_en,
         (select z.zone_ids from subscription_zone_sets z where z.subscription_id = s.id
            and z.valid_from <= current_date order by z.valid_from desc limit 1) as zone_ids,
         (select json_agg(json_build_object('jws', t.jws, 'cose', t.cose, 'from', t.valid_from, 'to', t.valid_to)
            order by t.valid_from)
            from ticket_credentials t where t.subscription_id = s.id and t.revoked_at is null
            and t.valid_to >= now() and t.device_jkt = $3) as creds,
         (select count(*)::int from ticket_moves m where m.subscription_id = s.id and m.used_at >= date_trunc('month', now())) as moves,
         exists (select 1 from proof) as fresh
       from subscriptions s join companies c on c.id = s.company_id join categories cat on cat.id = s.category_id
       where s.ticket_token_hash = $1 and s.state = 'approved'`,
      [sha256(request.params.token), jtiHash, jkt],
    );
    const r = rows[0];
    if (!r) return reply.code(404).send({ code: 'TICKET_NOT_FOUND' });
    if (jtiHash && !r.fresh) return reply.code(401).send({ code: 'DPOP_PROOF_INVALID' });
    const creds = (r.creds ?? []) as { jws: string; cose: string; from: string; to: string }[];
    const zoneIds = (r.zone_ids ?? []) as string[];
    reply.header('cache-control', 'no-store');
    return {
      status: 'valid',
      validFrom: new Date(r.start_date).toISOString(),
      validTo: null,
      holder: { firstName: r.first_name, lastName: r.last_name },
      zoneIds,
      categoryId: r.category_id,
      credential: creds[0]?.jws ?? null,
      credentialValidFrom: creds[0]?.from ?? null,
      credentialValidTo: creds[0]?.to ?? null,
      codes: creds.map((c) => ({ credential: c.cose, validFrom: c.from, validTo: c.to })),
      device: r.device_jkt === null ? 'none' : r.device_jkt === jkt ? 'this' : 'other',
      movesLeft: 3 - r.moves,
      freshnessSeconds: 60,
      ticketNumber: String(r.ticket_number),
      serverTime: new Date().toISOString(),
      startDate: r.start_date,
      endDate: r.end_date,
      companyName: r.company_name,
      category: { id: r.category_id, name: r.cat_name, nameEn: r.cat_name_en },
      zones: zoneIds.map((id) => ({ id, name: id })),
    };
  });

  app.get<{ Params: { token: string } }>('/api/order/:token', async (request, reply) => {
    const { rows } = await pool.query(
      `select c.name, c.subsidy, c.order_form, c.deduction_terms,
         (select json_agg(json_build_object('id', z.id, 'name', z.name) order by z.sort_order, z.name)
            from zones z where z.active) as zones,
         (select json_agg(json_build_object('id', k.id, 'name', k.name, 'nameEn', k.name_en) order by k.sort_order)
            from categories k where k.active) as categories,
         (select json_agg(json_build_object('categoryId', p.category_id, 'zoneCount', p.zone_count,
              'monthlyPriceOre', p.monthly_price_ore))
            from prices p where p.valid_from = (select max(valid_from) from prices where valid_from <= current_date)) as prices
       from companies c where c.order_token_hash = $1 and c.status = 'active'`,
      [sha256(request.params.token)],
    );
    const r = rows[0];
    if (!r) return reply.code(404).send({ code: 'ORDER_LINK_INVALID' });
    return {
      companyName: r.name,
      intro: r.order_form?.intro ?? '',
      zones: r.zones,
      categories: r.categories,
      prices: (r.prices as { monthlyPriceOre: number }[]).map((p) => ({
        ...p,
        companyShareOre: Math.round(p.monthlyPriceOre / 2),
        deductionOre: p.monthlyPriceOre - Math.round(p.monthlyPriceOre / 2),
      })),
      maxPricedZones: 3,
      subsidy: r.subsidy,
      deductionTerms: r.deduction_terms ?? '',
      introEn: '',
      deductionTermsEn: '',
    };
  });

  app.post<{ Body: { code: string } }>('/api/inspection/verify', async (request) => {
    const checked = await verifyCode(request.body.code, {
      issuerKeys,
      now: new Date(),
      freshnessSeconds: 60,
    });
    const claims = checked.claims;
    if (!claims) return { valid: false, reason: checked.valid ? 'malformed' : checked.reason };
    const { rows } = await pool.query(
      `with ev as (insert into rate_limit_events (key, at) values ($1, now()) returning 1)
       select s.id, s.first_name, s.last_name, s.state, t.revoked_at, t.subscription_id = s.id as same,
         (select count(*)::int from rate_limit_events e where e.key = $1 and e.at > now() - interval '1 minute') as n
       from subscriptions s left join ticket_credentials t on t.status_index = $3
       where s.ticket_number = $2`,
      [`inspection-verify:${request.ip}`, claims.ticketNumber, claims.statusIndex],
    );
    const r = rows[0];
    const valid = checked.valid && r?.state === 'approved' && r.same && r.revoked_at === null;
    return {
      valid,
      ...(valid ? {} : { reason: checked.valid ? 'revoked' : checked.reason }),
      ticketId: r?.id ?? null,
      ticketNumber: String(claims.ticketNumber),
      holder: r ? { firstName: r.first_name, lastName: r.last_name } : claims.holder,
      zoneIds: claims.zoneCodes.map(String),
      categoryId: claims.categoryId,
      validFrom: new Date(claims.nbf * 1000).toISOString(),
      validTo: new Date((claims.exp - 1) * 1000).toISOString(),
      codeTime: checked.deviceTime === null ? null : new Date(checked.deviceTime * 1000).toISOString(),
    };
  });

  app.get('/api/me/subscriptions', async (request, reply) => {
    const token = cookie(request.headers.cookie, 'bb_session');
    const { rows } = await pool.query(
      `select s.id, s.state, s.first_name, s.last_name, s.category_id, s.start_date, s.end_date, s.fields,
         s.created_at, c.name as company_name,
         (select z.zone_ids from subscription_zone_sets z where z.subscription_id = s.id
            and z.valid_from <= current_date order by z.valid_from desc limit 1) as zone_ids
       from sessions se join subscriptions s on s.company_id = se.company_id and s.phone = se.phone
         join companies c on c.id = s.company_id
       where se.token_hash = $1 and se.expires_at > now() and se.kind = 'employee'
       order by s.created_at desc`,
      [sha256(token ?? '')],
    );
    if (token === null) return reply.code(401).send({ code: 'UNAUTHENTICATED' });
    return {
      subscriptions: rows.map((r) => ({
        id: r.id,
        state: r.state,
        firstName: r.first_name,
        lastName: r.last_name,
        categoryId: r.category_id,
        zoneIds: r.zone_ids ?? [],
        startDate: r.start_date,
        endDate: r.end_date,
        fields: r.fields,
        companyName: r.company_name,
        createdAt: r.created_at,
      })),
    };
  });

  // The order of bench:rush: the session, the employee, the subscription and its zone set in one
  // statement; a repeat with the same Idempotency-Key gets the first order (a second statement).
  app.post<{ Body: { firstName: string; lastName: string; zoneIds: string[]; categoryId: string } }>(
    '/api/me/subscriptions',
    async (request, reply) => {
      const token = cookie(request.headers.cookie, 'bb_session');
      if (token === null) return reply.code(401).send({ code: 'UNAUTHENTICATED' });
      const key = request.headers['idempotency-key'];
      const b = request.body;
      const { rows } = await pool.query(
        `with se as (select company_id, phone from sessions
             where token_hash = $1 and expires_at > now() and kind = 'employee'),
           emp as (insert into employees (company_id, phone, first_name, last_name)
             select company_id, phone, $2, $3 from se
             on conflict (company_id, phone) do update set first_name = excluded.first_name
             returning id, company_id, phone),
           sub as (insert into subscriptions (company_id, employee_id, state, first_name, last_name, phone,
               category_id, start_date, fields, consent, source, ticket_token_hash, ticket_number, idempotency_key)
             select company_id, id, 'approved', $2, $3, phone, $4, (date_trunc('month', current_date) + interval '1 month')::date,
               '{}'::jsonb, '{}'::jsonb, 'employee', $5, $6, $7 from emp
             on conflict (company_id, idempotency_key) where idempotency_key is not null do nothing
             returning id, company_id, start_date),
           zs as (insert into subscription_zone_sets (subscription_id, company_id, zone_ids, valid_from)
             select id, company_id, $8::jsonb, start_date from sub)
         select id from sub`,
        [
          sha256(token),
          b.firstName,
          b.lastName,
          b.categoryId,
          sha256(randomBytes(32).toString('hex')),
          randomBytes(5).readUIntBE(0, 5),
          typeof key === 'string' ? `employee:${key}` : null,
          JSON.stringify(b.zoneIds),
        ],
      );
      if (rows[0]) return reply.code(201).send({ id: rows[0].id });
      const again = await pool.query(
        `select s.id from sessions se join subscriptions s on s.company_id = se.company_id
         where se.token_hash = $1 and s.idempotency_key = $2`,
        [sha256(token), `employee:${key}`],
      );
      if (!again.rows[0]) return reply.code(401).send({ code: 'UNAUTHENTICATED' });
      return { id: again.rows[0].id };
    },
  );

  app.get<{ Querystring: { limit?: string } }>('/api/company/subscriptions', async (request, reply) => {
    const token = cookie(request.headers.cookie, 'bb_session');
    const limit = Math.min(200, Number(request.query.limit ?? 50));
    const { rows } = await pool.query(
      `select s.id, s.state, s.first_name, s.last_name, s.phone, s.category_id, s.start_date, s.end_date,
         s.fields, s.source, s.created_at,
         (select z.zone_ids from subscription_zone_sets z where z.subscription_id = s.id
            and z.valid_from <= current_date order by z.valid_from desc limit 1) as zone_ids
       from sessions se join users u on u.id = se.user_id
         join subscriptions s on s.company_id = u.company_id
       where se.token_hash = $1 and se.expires_at > now() and se.pending is null
       order by lower(s.last_name), lower(s.first_name), s.id limit $2`,
      [sha256(token ?? ''), limit + 1],
    );
    if (token === null) return reply.code(401).send({ code: 'UNAUTHENTICATED' });
    return {
      items: rows.slice(0, limit).map((r) => ({
        id: r.id,
        state: r.state,
        status: r.state === 'approved' ? 'active' : r.state,
        firstName: r.first_name,
        lastName: r.last_name,
        phone: r.phone,
        categoryId: r.category_id,
        zoneIds: r.zone_ids ?? [],
        startDate: r.start_date,
        endDate: r.end_date,
        fields: r.fields,
        source: r.source,
        createdAt: r.created_at,
      })),
      nextCursor: rows.length > limit ? 'more' : null,
    };
  });

  const address = await app.listen({ port: 0, host: '127.0.0.1' });
  return {
    url: address,
    async close() {
      await app.close();
      await pool.end();
    },
  };
}
