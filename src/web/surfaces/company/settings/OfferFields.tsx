import { Checkbox, Fieldset, Radio } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { useCatalog } from '../shared/useCatalog';
import { ZonePicker } from '../shared/ZonePicker';
import type { SettingsDraft } from './draft';

type Props = { draft: SettingsDraft; set: (patch: Partial<SettingsDraft>) => void; showErrors: boolean };

/** Which zones and traveller categories employees may order. */
export function OfferFields({ draft, set, showErrors }: Props) {
  const { t } = useTranslation('company');
  const { categories, categoryName } = useCatalog();
  const active = categories.filter((c) => c.active).map((c) => c.id);
  const offered = draft.offeredCategoryIds ?? active;
  const toggleCategory = (id: string, on: boolean) => {
    const next = on ? [...offered, id] : offered.filter((c) => c !== id);
    set({ offeredCategoryIds: active.every((c) => next.includes(c)) ? null : next });
  };
  return (
    <>
      <Fieldset>
        <Fieldset.Legend>{t('settings.offer.zonesLegend')}</Fieldset.Legend>
        <Radio
          name="limitZones"
          value="all"
          label={t('settings.offer.allZones')}
          checked={!draft.limitZones}
          onChange={() => set({ limitZones: false })}
        />
        <Radio
          name="limitZones"
          value="some"
          label={t('settings.offer.someZones')}
          checked={draft.limitZones}
          onChange={() => set({ limitZones: true })}
        />
      </Fieldset>
      {draft.limitZones && (
        <ZonePicker
          legend={t('settings.offer.offeredZones')}
          value={draft.offeredZoneIds}
          onChange={(offeredZoneIds) => set({ offeredZoneIds })}
          error={showErrors && draft.offeredZoneIds.length === 0 ? t('zones.required') : undefined}
        />
      )}
      <Fieldset>
        <Fieldset.Legend>{t('settings.offer.categoriesLegend')}</Fieldset.Legend>
        <Fieldset.Description>{t('settings.offer.categoriesHelp')}</Fieldset.Description>
        {categories
          .filter((c) => c.active)
          .map((c) => (
            <Checkbox
              key={c.id}
              label={categoryName(c.id)}
              value={c.id}
              checked={offered.includes(c.id)}
              onChange={(e) => toggleCategory(c.id, e.target.checked)}
            />
          ))}
      </Fieldset>
    </>
  );
}
