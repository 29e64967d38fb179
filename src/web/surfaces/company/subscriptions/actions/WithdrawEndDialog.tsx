import { Paragraph } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { useApiMutation } from '../../../../query';
import { DateText } from '../../../../ui/DateText';
import { ActionDialog } from '../../shared/ActionDialog';
import type { Subscription } from '../../types';
import type { ActionProps } from './useAction';

/** Item 16.1: withdraw a planned end before it happens (DELETE …/{id}/end); the employee gets an SMS. */
export function WithdrawEndDialog({ subscription: s, open, onClose, onDone }: ActionProps<Subscription>) {
  const { t } = useTranslation('company');
  const withdraw = useApiMutation<Subscription, undefined>(
    'delete',
    `/api/company/subscriptions/${encodeURIComponent(s.id)}/end`,
    {
      invalidates: ['/api/company/'],
      onSuccess: () => {
        onClose();
        onDone?.();
      },
    },
  );
  return (
    <ActionDialog
      open={open}
      onClose={onClose}
      title={t('withdrawEnd.title', { name: `${s.firstName} ${s.lastName}` })}
      confirmLabel={t('withdrawEnd.confirm')}
      onConfirm={() => withdraw.mutate(undefined)}
      pending={withdraw.isPending}
      error={withdraw.error}
    >
      <Paragraph>
        {t('withdrawEnd.planned')} {s.endDate && <DateText date={s.endDate} />}
      </Paragraph>
      <Paragraph>{t('withdrawEnd.effect')}</Paragraph>
    </ActionDialog>
  );
}
