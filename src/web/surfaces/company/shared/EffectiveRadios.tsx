import { Fieldset, Radio } from '@digdir/designsystemet-react';
import type { ReactNode } from 'react';

type Option<V extends string> = { value: V; label: string; description?: ReactNode };

/** A radio group for "when does this take effect" (next month / now, end of month / now). */
export function EffectiveRadios<V extends string>(props: {
  legend: string;
  name: string;
  value: V;
  onChange: (value: V) => void;
  options: Option<V>[];
}) {
  return (
    <Fieldset>
      <Fieldset.Legend>{props.legend}</Fieldset.Legend>
      {props.options.map((o) => (
        <Radio
          key={o.value}
          name={props.name}
          value={o.value}
          label={o.label}
          description={o.description}
          checked={props.value === o.value}
          onChange={() => props.onChange(o.value)}
        />
      ))}
    </Fieldset>
  );
}
