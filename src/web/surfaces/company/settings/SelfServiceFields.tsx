import { Fieldset, Radio } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import type { SelfService } from '../types';

const MODES: SelfService[] = ['disabled', 'manual', 'automatic'];

/** Rule 2: may employees order by the link, and are their orders approved by hand or at once. */
export function SelfServiceFields({
  value,
  onChange,
}: {
  value: SelfService;
  onChange: (v: SelfService) => void;
}) {
  const { t } = useTranslation('company');
  return (
    <Fieldset>
      <Fieldset.Legend>{t('settings.selfService.legend')}</Fieldset.Legend>
      <Fieldset.Description>{t('settings.selfService.description')}</Fieldset.Description>
      {MODES.map((mode) => (
        <Radio
          key={mode}
          name="selfService"
          value={mode}
          label={t(`settings.selfService.${mode}`)}
          description={t(`settings.selfService.${mode}Help`)}
          checked={value === mode}
          onChange={() => onChange(mode)}
        />
      ))}
    </Fieldset>
  );
}
