import { Paragraph } from '@digdir/designsystemet-react';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { firstOfNextMonth } from '../../../../../domain/calendar';
import { useApiQuery } from '../../../../query';
import { DateText } from '../../../../ui/DateText';
import { ActionDialog } from '../../shared/ActionDialog';
import { todayInOslo } from '../../shared/dates';
import { EffectiveRadios } from '../../shared/EffectiveRadios';
import { ZonePicker } from '../../shared/ZonePicker';
import type { Subscription } from '../../types';
import { type ActionProps, useSubscriptionAction } from './useAction';
import { ZoneCostEffect, type ZonePreview } from './ZoneCostEffect';

type Effective = 'next_month' | 'now';

/**
 * Rule 8: new zones from the 1st of next month (default) or now; a month with several sets costs
 * the highest. Issue 16 item 8: the price, share and deduction before and after are shown (from
 * the preview endpoint) before the admin confirms, as in the category dialog.
 */
export function ChangeZonesDialog({ subscription: s, open, onClose, onDone }: ActionProps<Subscription>) {
  const { t } = useTranslation('company');
  const name = useId();
  const [zoneIds, setZoneIds] = useState<string[]>(s.upcomingZoneIds ?? s.zoneIds);
  const [effective, setEffective] = useState<Effective>('next_month');
  const [checked, setChecked] = useState(false);
  const notStarted = s.status === 'approved';
  const change = useSubscriptionAction<Subscription, { zoneIds: string[]; effective: Effective }>(
    s.id,
    'change-zones',
    () => {
      onClose();
      onDone?.();
    },
  );
  const params = new URLSearchParams({ zoneIds: zoneIds.join(','), effective });
  const preview = useApiQuery<ZonePreview>(
    `/api/company/subscriptions/${encodeURIComponent(s.id)}/change-zones/preview?${params}`,
    { enabled: open && zoneIds.length > 0, staleTime: 0 },
  );
  const confirm = () => {
    setChecked(true);
    if (zoneIds.length > 0) change.mutate({ zoneIds, effective });
  };
  return (
    <ActionDialog
      open={open}
      onClose={onClose}
      title={t('changeZones.title', { name: `${s.firstName} ${s.lastName}` })}
      confirmLabel={t('changeZones.confirm')}
      onConfirm={confirm}
      pending={change.isPending}
      error={change.error ?? (zoneIds.length > 0 ? preview.error : null)}
    >
      <ZonePicker
        value={zoneIds}
        onChange={setZoneIds}
        error={checked && zoneIds.length === 0 ? t('zones.required') : undefined}
      />
      {notStarted ? (
        <Paragraph>
          {t('changeZones.notStarted')} <DateText date={s.startDate} />.
        </Paragraph>
      ) : (
        <EffectiveRadios<Effective>
          legend={t('changeZones.when')}
          name={name}
          value={effective}
          onChange={setEffective}
          options={[
            {
              value: 'next_month',
              label: t('changeZones.nextMonth'),
              description: <DateText date={firstOfNextMonth(todayInOslo())} />,
            },
            { value: 'now', label: t('changeZones.now'), description: t('changeZones.nowHelp') },
          ]}
        />
      )}
      <div aria-live="polite">
        {preview.data && zoneIds.length > 0 && <ZoneCostEffect preview={preview.data} />}
      </div>
    </ActionDialog>
  );
}
