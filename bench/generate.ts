import type { Database } from '../src/db/engine';

/** Companies with `perCompany` approved subscriptions each; every 10th changes zones mid-January. */
export async function generate(db: Database, prefix: string, companies: number, perCompany: number) {
  const sql = db.executeSql;
  await sql(`
    insert into companies (org_number, name, order_token, invoice_address, subsidy)
    select '${prefix}' || lpad(g::text, 8, '0'), 'Bench ${prefix} ' || g, '${prefix}-tok-' || g,
      '{"street":"Gata 1","postalCode":"4630","city":"Kristiansand"}'::jsonb, '{"type":"percent","value":50}'::jsonb
    from generate_series(1, ${companies}) g`);
  await sql(`
    insert into employees (company_id, phone, first_name, last_name)
    select c.id, '+47${prefix}' || lpad(c.n::text, 4, '0') || lpad(e::text, 5, '0'), 'Fornavn' || e, 'Etternavn' || e
    from (select id, row_number() over (order by org_number) as n from companies where org_number like '${prefix}%') c,
      generate_series(1, ${perCompany}) e`);
  await sql(`
    insert into subscriptions (company_id, employee_id, state, first_name, last_name, phone, category_id,
      start_date, source, ticket_access_token, fields)
    select e.company_id, e.id, 'approved', e.first_name, e.last_name, e.phone,
      (array['voksen','honnor','ungdom'])[1 + abs(hashtext(e.id::text)) % 3], '2026-06-01', 'admin',
      md5(e.id::text || random()::text), jsonb_build_object('ansattnr', e.last_name)
    from employees e join companies c on c.id = e.company_id where c.org_number like '${prefix}%'`);
  await sql(`
    insert into subscription_zone_sets (subscription_id, company_id, zone_ids, valid_from, valid_to)
    select s.id, s.company_id, '["kristiansand"]'::jsonb, s.start_date,
      case when abs(hashtext(s.id::text)) % 10 = 0 then date '2027-01-14' end
    from subscriptions s join companies c on c.id = s.company_id where c.org_number like '${prefix}%'`);
  await sql(`
    insert into subscription_zone_sets (subscription_id, company_id, zone_ids, valid_from)
    select s.id, s.company_id, '["kristiansand","vennesla"]'::jsonb, date '2027-01-15'
    from subscriptions s join companies c on c.id = s.company_id
    where c.org_number like '${prefix}%' and abs(hashtext(s.id::text)) % 10 = 0`);
  await sql('analyze');
}
