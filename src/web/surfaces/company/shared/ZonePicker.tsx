import { Paragraph } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { ZoneChecklist } from '../../../ui/ZoneChecklist';
import { useCatalog } from './useCatalog';

/** The portal's zones: the active ones of the catalog, or only those the company offers. */
export function ZonePicker(props: {
  value: string[];
  onChange: (zoneIds: string[]) => void;
  /** Only these zones may be chosen (the company's offer); null or undefined = all active zones. */
  offered?: string[] | null;
  error?: string;
  legend?: string;
}) {
  const { t } = useTranslation('company');
  const { zones } = useCatalog();
  const { offered } = props;
  return (
    <ZoneChecklist
      zones={zones.filter((z) => z.active && (!offered || offered.includes(z.id)))}
      value={props.value}
      onChange={props.onChange}
      legend={props.legend ?? t('zones.legend')}
      description={t('zones.description')}
      listClassName="company-zone-list"
      error={
        props.error && (
          <Paragraph data-size="sm" className="company-error" role="alert">
            {props.error}
          </Paragraph>
        )
      }
    />
  );
}
