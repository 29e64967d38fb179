import { Checkbox, Paragraph } from '@digdir/designsystemet-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { compareDates, firstOfNextMonth } from '../../../../../domain/calendar';
import { DateText } from '../../../../ui/DateText';
import { ActionDialog } from '../../shared/ActionDialog';
import { todayInOslo } from '../../shared/dates';
import type { Subscription } from '../../types';
import { type ActionProps, useSubscriptionAction } from './useAction';

/** Rule 6: approve sends the ticket SMS; a start date already passed moves to next month unless "start today". */
export function ApproveDialog({ subscription: s, open, onClose, onDone }: ActionProps<Subscription>) {
  const { t } = useTranslation('company');
  const [startToday, setStartToday] = useState(false);
  const today = todayInOslo();
  const late = compareDates(s.startDate, today) < 0;
  const approve = useSubscriptionAction<Subscription, { startToday?: boolean }>(s.id, 'approve', () => {
    onClose();
    onDone?.();
  });
  return (
    <ActionDialog
      open={open}
      onClose={onClose}
      title={t('approve.title', { name: `${s.firstName} ${s.lastName}` })}
      confirmLabel={t('approve.confirm')}
      onConfirm={() => approve.mutate(late ? { startToday } : {})}
      pending={approve.isPending}
      error={approve.error}
    >
      {late ? (
        <>
          <Paragraph>
            {t('approve.lateStart')} <DateText date={s.startDate} />. {t('approve.movesTo')}{' '}
            <DateText date={firstOfNextMonth(today)} />.
          </Paragraph>
          <Checkbox
            label={t('approve.startToday')}
            checked={startToday}
            onChange={(e) => setStartToday(e.target.checked)}
          />
        </>
      ) : (
        <Paragraph>
          {t('approve.startsOn')} <DateText date={s.startDate} />.
        </Paragraph>
      )}
      <Paragraph>{t('approve.sms')}</Paragraph>
    </ActionDialog>
  );
}
