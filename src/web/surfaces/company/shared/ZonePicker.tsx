import { Checkbox, Fieldset, Paragraph, Textfield } from '@digdir/designsystemet-react';
import { useDeferredValue, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCatalog } from './useCatalog';

type Props = {
  value: string[];
  onChange: (zoneIds: string[]) => void;
  /** Only these zones may be chosen (the company's offer); null or undefined = all active zones. */
  offered?: string[] | null;
  error?: string;
  legend?: string;
};

/** Zones (municipalities) as checkboxes with a search box: keyboard-friendly and screen-reader plain. */
export function ZonePicker({ value, onChange, offered, error, legend }: Props) {
  const { t } = useTranslation('company');
  const { zones, zoneNames } = useCatalog();
  const [search, setSearch] = useState('');
  const needle = useDeferredValue(search.trim().toLocaleLowerCase('nb'));
  const available = zones
    .filter((z) => z.active && (!offered || offered.includes(z.id)))
    .sort((a, b) => a.name.localeCompare(b.name, 'nb'));
  const shown = available.filter((z) => z.name.toLocaleLowerCase('nb').includes(needle));
  const toggle = (id: string, on: boolean) => onChange(on ? [...value, id] : value.filter((v) => v !== id));
  return (
    <Fieldset>
      <Fieldset.Legend>{legend ?? t('zones.legend')}</Fieldset.Legend>
      <Fieldset.Description>{t('zones.description')}</Fieldset.Description>
      <Textfield
        label={t('zones.search')}
        type="search"
        value={search}
        onChange={(e) => setSearch(e.target.value)}
        autoComplete="off"
      />
      <Paragraph data-size="sm" aria-live="polite">
        {value.length === 0 ? t('zones.noneChosen') : t('zones.chosen', { zones: zoneNames(value) })}
      </Paragraph>
      <div className="company-zone-list">
        {shown.map((z) => (
          <Checkbox
            key={z.id}
            label={z.name}
            value={z.id}
            checked={value.includes(z.id)}
            onChange={(e) => toggle(z.id, e.target.checked)}
          />
        ))}
        {shown.length === 0 && <Paragraph data-size="sm">{t('zones.noMatch')}</Paragraph>}
      </div>
      {error && (
        <Paragraph data-size="sm" className="company-error" role="alert">
          {error}
        </Paragraph>
      )}
    </Fieldset>
  );
}
