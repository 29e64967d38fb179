import { Checkbox, Fieldset, Paragraph, Textfield, ValidationMessage } from '@digdir/designsystemet-react';
import { useDeferredValue, useState } from 'react';
import { useTranslation } from 'react-i18next';

type Props = {
  zones: { id: string; name: string }[];
  value: string[];
  onChange: (zoneIds: string[]) => void;
  error?: string;
};

/** Zones (one per municipality) as checkboxes with a search by municipality name. */
export function ZonePicker({ zones, value, onChange, error }: Props) {
  const { t } = useTranslation('order');
  const [search, setSearch] = useState('');
  const needle = useDeferredValue(search.trim().toLocaleLowerCase('nb'));
  const sorted = [...zones].sort((a, b) => a.name.localeCompare(b.name, 'nb'));
  const shown = sorted.filter((z) => z.name.toLocaleLowerCase('nb').includes(needle));
  const chosen = sorted.filter((z) => value.includes(z.id)).map((z) => z.name);
  const toggle = (id: string, on: boolean) => onChange(on ? [...value, id] : value.filter((v) => v !== id));
  return (
    <Fieldset id="order-zones" tabIndex={-1}>
      <Fieldset.Legend>{t('form.zonesLegend')}</Fieldset.Legend>
      <Fieldset.Description>{t('form.zonesHelp')}</Fieldset.Description>
      <Textfield
        label={t('form.zonesSearch')}
        type="search"
        value={search}
        onChange={(e) => setSearch(e.target.value)}
        autoComplete="off"
      />
      <Paragraph data-size="sm" aria-live="polite">
        {chosen.length === 0 ? t('form.zonesNone') : t('form.zonesChosen', { zones: chosen.join(', ') })}
      </Paragraph>
      <div className="order-zone-list">
        {shown.map((z) => (
          <Checkbox
            key={z.id}
            label={z.name}
            value={z.id}
            checked={value.includes(z.id)}
            onChange={(e) => toggle(z.id, e.target.checked)}
          />
        ))}
        {shown.length === 0 && <Paragraph data-size="sm">{t('form.zonesNoMatch')}</Paragraph>}
      </div>
      {error && <ValidationMessage>{error}</ValidationMessage>}
    </Fieldset>
  );
}
