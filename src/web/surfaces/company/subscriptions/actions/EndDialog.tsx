import { Paragraph, Textfield } from '@digdir/designsystemet-react';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { compareDates, endOfMonth } from '../../../../../domain/calendar';
import { ApiError } from '../../../../api';
import { DateText } from '../../../../ui/DateText';
import { ActionDialog } from '../../shared/ActionDialog';
import { todayInOslo } from '../../shared/dates';
import { EffectiveRadios } from '../../shared/EffectiveRadios';
import type { Subscription } from '../../types';
import { type ActionProps, useSubscriptionAction } from './useAction';

type Effective = 'end_of_month' | 'now' | 'date';

/**
 * Rule 10 and item 16.1: end at the end of this month (default), now, or on a chosen date from
 * today on (the ticket valid through that day, its month billed in full); a date also changes a
 * planned end. An approved subscription not yet started is cancelled free, or given a fixed term.
 */
export function EndDialog({ subscription: s, open, onClose, onDone }: ActionProps<Subscription>) {
  const { t } = useTranslation('company');
  const name = useId();
  const today = todayInOslo();
  const notStarted = s.status === 'approved';
  const planned = s.endDate !== null && compareDates(s.endDate, today) >= 0;
  const [effective, setEffective] = useState<Effective>(planned ? 'date' : 'end_of_month');
  const [endDate, setEndDate] = useState(planned && s.endDate ? s.endDate : '');
  const end = useSubscriptionAction<Subscription, { effective: Effective; endDate?: string }>(
    s.id,
    'end',
    () => {
      onClose();
      onDone?.();
    },
  );
  const dateError =
    end.error instanceof ApiError && end.error.code === 'END_DATE_INVALID' ? end.error.message : undefined;
  const cancels = notStarted && effective !== 'date';
  const dateField = (
    <Textfield
      label={t('end.date')}
      description={t('end.dateHelp')}
      type="date"
      min={today}
      value={endDate}
      onChange={(e) => setEndDate(e.target.value)}
      error={dateError}
      required
    />
  );
  return (
    <ActionDialog
      open={open}
      onClose={onClose}
      title={t(planned ? 'end.titleChange' : 'end.title', { name: `${s.firstName} ${s.lastName}` })}
      confirmLabel={cancels ? t('end.confirmCancel') : t('end.confirm')}
      onConfirm={() =>
        end.mutate(
          effective === 'date' ? { effective, endDate } : { effective: cancels ? 'end_of_month' : effective },
        )
      }
      canConfirm={effective !== 'date' || endDate !== ''}
      pending={end.isPending}
      error={dateError ? undefined : end.error}
      danger
    >
      {planned && s.endDate && (
        <Paragraph>
          {t('end.plannedNow')} <DateText date={s.endDate} />
        </Paragraph>
      )}
      <EffectiveRadios<Effective>
        legend={t('end.when')}
        name={name}
        value={effective}
        onChange={setEffective}
        options={[
          notStarted
            ? { value: 'end_of_month', label: t('end.cancelFree'), description: t('end.notStarted') }
            : {
                value: 'end_of_month',
                label: t('end.endOfMonth'),
                description: (
                  <>
                    {t('end.lastDay')} <DateText date={endOfMonth(today)} />
                  </>
                ),
              },
          ...(notStarted
            ? []
            : [{ value: 'now' as const, label: t('end.now'), description: t('end.nowHelp') }]),
          { value: 'date', label: t('end.onDate'), description: t('end.onDateHelp') },
        ]}
      />
      {effective === 'date' && dateField}
      <Paragraph>{t('end.final')}</Paragraph>
    </ActionDialog>
  );
}
