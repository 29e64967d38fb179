import { Paragraph } from '@digdir/designsystemet-react';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { endOfMonth } from '../../../../../domain/calendar';
import { DateText } from '../../../../ui/DateText';
import { ActionDialog } from '../../shared/ActionDialog';
import { todayInOslo } from '../../shared/dates';
import { EffectiveRadios } from '../../shared/EffectiveRadios';
import type { Subscription } from '../../types';
import { type ActionProps, useSubscriptionAction } from './useAction';

type Effective = 'end_of_month' | 'now';

/** Rule 10: end at the end of this month (default) or now; an order not yet started is cancelled free. */
export function EndDialog({ subscription: s, open, onClose, onDone }: ActionProps<Subscription>) {
  const { t } = useTranslation('company');
  const name = useId();
  const [effective, setEffective] = useState<Effective>('end_of_month');
  const notStarted = s.status === 'approved';
  const end = useSubscriptionAction<Subscription, { effective: Effective }>(s.id, 'end', () => {
    onClose();
    onDone?.();
  });
  return (
    <ActionDialog
      open={open}
      onClose={onClose}
      title={t('end.title', { name: `${s.firstName} ${s.lastName}` })}
      confirmLabel={notStarted ? t('end.confirmCancel') : t('end.confirm')}
      onConfirm={() => end.mutate({ effective: notStarted ? 'end_of_month' : effective })}
      pending={end.isPending}
      error={end.error}
      danger
    >
      {notStarted ? (
        <Paragraph>{t('end.notStarted')}</Paragraph>
      ) : (
        <EffectiveRadios<Effective>
          legend={t('end.when')}
          name={name}
          value={effective}
          onChange={setEffective}
          options={[
            {
              value: 'end_of_month',
              label: t('end.endOfMonth'),
              description: (
                <>
                  {t('end.lastDay')} <DateText date={endOfMonth(todayInOslo())} />
                </>
              ),
            },
            { value: 'now', label: t('end.now'), description: t('end.nowHelp') },
          ]}
        />
      )}
      <Paragraph>{t('end.final')}</Paragraph>
    </ActionDialog>
  );
}
