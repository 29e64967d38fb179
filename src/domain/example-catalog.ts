import type { Category, PricedZoneCount, PriceVersion, Zone } from './catalog';
import type { Ore } from './money';

/*
 * EXAMPLE DATA — NOT AKT's real fares. A plausible catalog so the product runs out of the box;
 * the operator edits or imports the real one (rule 1). Zones are the 25 municipalities of Agder.
 */

const municipalities: [id: string, name: string][] = [
  ['arendal', 'Arendal'],
  ['birkenes', 'Birkenes'],
  ['bygland', 'Bygland'],
  ['bykle', 'Bykle'],
  ['evje-og-hornnes', 'Evje og Hornnes'],
  ['farsund', 'Farsund'],
  ['flekkefjord', 'Flekkefjord'],
  ['froland', 'Froland'],
  ['gjerstad', 'Gjerstad'],
  ['grimstad', 'Grimstad'],
  ['hagebostad', 'Hægebostad'],
  ['iveland', 'Iveland'],
  ['kristiansand', 'Kristiansand'],
  ['kvinesdal', 'Kvinesdal'],
  ['lillesand', 'Lillesand'],
  ['lindesnes', 'Lindesnes'],
  ['lyngdal', 'Lyngdal'],
  ['risor', 'Risør'],
  ['sirdal', 'Sirdal'],
  ['tvedestrand', 'Tvedestrand'],
  ['valle', 'Valle'],
  ['vegarshei', 'Vegårshei'],
  ['vennesla', 'Vennesla'],
  ['amli', 'Åmli'],
  ['aseral', 'Åseral'],
];

const zones: Zone[] = municipalities.map(([id, name]) => ({ id, name, active: true }));

const categories: Category[] = [
  { id: 'barn', name: 'Barn', nameEn: 'Child', active: true },
  { id: 'ungdom', name: 'Ungdom', nameEn: 'Youth', active: true },
  { id: 'ung-voksen', name: 'Ung voksen', nameEn: 'Young adult', active: true },
  { id: 'voksen', name: 'Voksen', nameEn: 'Adult', active: true },
  { id: 'honnor', name: 'Honnør', nameEn: 'Senior', active: true },
];

// Monthly price in øre for 1, 2 and 3+ zones. 2027 is about +3 %, rounded to whole kroner.
type ByZones = [oneZone: Ore, twoZones: Ore, threeOrMore: Ore];
const fares: Record<string, Record<'2026-02-01' | '2027-02-01', ByZones>> = {
  barn: { '2026-02-01': [39500, 54500, 69500], '2027-02-01': [40700, 56100, 71600] },
  ungdom: { '2026-02-01': [47400, 65400, 83400], '2027-02-01': [48800, 67400, 85900] },
  'ung-voksen': { '2026-02-01': [47400, 65400, 83400], '2027-02-01': [48800, 67400, 85900] },
  voksen: { '2026-02-01': [79000, 109000, 139000], '2027-02-01': [81400, 112300, 143200] },
  honnor: { '2026-02-01': [39500, 54500, 69500], '2027-02-01': [40700, 56100, 71600] },
};

const prices: PriceVersion[] = Object.entries(fares).flatMap(([categoryId, versions]) =>
  Object.entries(versions).flatMap(([validFrom, byZones]) =>
    byZones.map((monthlyPriceOre, i) => ({
      categoryId,
      zoneCount: (i + 1) as PricedZoneCount,
      monthlyPriceOre,
      validFrom,
    })),
  ),
);

export const exampleCatalog = { isExample: true as const, zones, categories, prices };
