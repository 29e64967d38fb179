import { Tag } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import type { SubscriptionStatus } from '../types';

const COLOUR: Record<SubscriptionStatus, 'warning' | 'info' | 'success' | 'neutral' | 'danger'> = {
  pending: 'warning',
  approved: 'info',
  active: 'success',
  ended: 'neutral',
  rejected: 'danger',
  cancelled: 'neutral',
};

export function StatusTag({ status }: { status: SubscriptionStatus }) {
  const { t } = useTranslation('company');
  return (
    <Tag data-color={COLOUR[status]} data-size="sm">
      {t(`status.${status}`)}
    </Tag>
  );
}
