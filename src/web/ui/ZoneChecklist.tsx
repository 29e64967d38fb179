import { Checkbox, Fieldset, Paragraph, Textfield } from '@digdir/designsystemet-react';
import { type ReactNode, useDeferredValue, useState } from 'react';
import { useTranslation } from 'react-i18next';

export type ZoneChoice = { id: string; name: string };

/**
 * Zones (one per municipality) as checkboxes with a search by municipality name and a live line
 * saying what is chosen: keyboard-friendly and plain for screen readers. The order form and the
 * company portal give their own legend, help text and error.
 */
export function ZoneChecklist(props: {
  zones: ZoneChoice[];
  value: string[];
  onChange: (zoneIds: string[]) => void;
  legend: string;
  description: string;
  /** The surface's list class (its columns on wide screens). */
  listClassName: string;
  /** The fieldset's id, for an error summary to move focus to. */
  id?: string;
  /** The error under the list, as the surface shows errors. */
  error?: ReactNode;
}) {
  const { t } = useTranslation('common');
  const [search, setSearch] = useState('');
  const needle = useDeferredValue(search.trim().toLocaleLowerCase('nb'));
  const sorted = [...props.zones].sort((a, b) => a.name.localeCompare(b.name, 'nb'));
  const shown = sorted.filter((z) => z.name.toLocaleLowerCase('nb').includes(needle));
  const chosen = sorted.filter((z) => props.value.includes(z.id)).map((z) => z.name);
  const toggle = (id: string, on: boolean) =>
    props.onChange(on ? [...props.value, id] : props.value.filter((v) => v !== id));
  return (
    <Fieldset id={props.id} tabIndex={props.id ? -1 : undefined}>
      <Fieldset.Legend>{props.legend}</Fieldset.Legend>
      <Fieldset.Description>{props.description}</Fieldset.Description>
      <Textfield
        label={t('zonePicker.search')}
        type="search"
        value={search}
        onChange={(e) => setSearch(e.target.value)}
        autoComplete="off"
      />
      <Paragraph data-size="sm" aria-live="polite">
        {chosen.length === 0 ? t('zonePicker.none') : t('zonePicker.chosen', { zones: chosen.join(', ') })}
      </Paragraph>
      <div className={props.listClassName}>
        {shown.map((z) => (
          <Checkbox
            key={z.id}
            label={z.name}
            value={z.id}
            checked={props.value.includes(z.id)}
            onChange={(e) => toggle(z.id, e.target.checked)}
          />
        ))}
        {shown.length === 0 && <Paragraph data-size="sm">{t('zonePicker.noMatch')}</Paragraph>}
      </div>
      {props.error}
    </Fieldset>
  );
}
