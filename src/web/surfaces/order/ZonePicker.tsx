import { ValidationMessage } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { ZoneChecklist, type ZoneChoice } from '../../ui/ZoneChecklist';

/** The order form's zones: the ones the company offers, with the form's help text. */
export function ZonePicker(props: {
  zones: ZoneChoice[];
  value: string[];
  onChange: (zoneIds: string[]) => void;
  error?: string;
}) {
  const { t } = useTranslation('order');
  return (
    <ZoneChecklist
      id="order-zones"
      zones={props.zones}
      value={props.value}
      onChange={props.onChange}
      legend={t('form.zonesLegend')}
      description={t('form.zonesHelp')}
      listClassName="order-zone-list"
      error={props.error && <ValidationMessage>{props.error}</ValidationMessage>}
    />
  );
}
