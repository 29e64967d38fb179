import { Paragraph, Textfield } from '@digdir/designsystemet-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ActionDialog } from '../../shared/ActionDialog';
import type { Subscription } from '../../types';
import { type ActionProps, useSubscriptionAction } from './useAction';

/** Rule 6: reject with an optional reason; the employee gets it by SMS. */
export function RejectDialog({ subscription: s, open, onClose, onDone }: ActionProps<Subscription>) {
  const { t } = useTranslation('company');
  const [reason, setReason] = useState('');
  const reject = useSubscriptionAction<Subscription, { reason?: string }>(s.id, 'reject', () => {
    onClose();
    onDone?.();
  });
  return (
    <ActionDialog
      open={open}
      onClose={onClose}
      title={t('reject.title', { name: `${s.firstName} ${s.lastName}` })}
      confirmLabel={t('reject.confirm')}
      onConfirm={() => reject.mutate(reason.trim() ? { reason: reason.trim() } : {})}
      pending={reject.isPending}
      error={reject.error}
      danger
    >
      <Textfield
        label={t('reject.reason')}
        description={t('reject.reasonHelp')}
        multiline
        rows={3}
        value={reason}
        onChange={(e) => setReason(e.target.value)}
        counter={500}
      />
      <Paragraph>{t('reject.sms')}</Paragraph>
    </ActionDialog>
  );
}
