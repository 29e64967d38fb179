import { useTranslation } from 'react-i18next';
import { useApiQuery } from '../../../query';
import type { Catalog } from '../types';

/**
 * The fare catalog with name look-ups in the current language, or in `lang` when given (the
 * order-form preview shows each language's own names, issue 15.3).
 */
export function useCatalog(lang?: 'nb' | 'en') {
  const { i18n } = useTranslation();
  const query = useApiQuery<Catalog>('/api/catalog', { staleTime: 5 * 60_000 });
  const english = (lang ?? i18n.resolvedLanguage) === 'en';
  const zones = query.data?.zones ?? [];
  const categories = query.data?.categories ?? [];
  const zoneName = (id: string) => zones.find((z) => z.id === id)?.name ?? id;
  const categoryName = (id: string) => {
    const c = categories.find((x) => x.id === id);
    return c ? (english ? c.nameEn : c.name) : id;
  };
  const zoneNames = (ids: string[]) =>
    ids
      .map(zoneName)
      .sort((a, b) => a.localeCompare(b, 'nb'))
      .join(', ');
  return { query, catalog: query.data, zones, categories, zoneName, zoneNames, categoryName };
}
