import { Button, Card, Heading, Paragraph, Tag } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { localeOf } from '../../ui/format';
import { SubscriptionFacts } from './SubscriptionFacts';
import { canCancel, statusLine } from './subscription-text';
import type { Subscription, SubscriptionStatus } from './types';

const COLOUR: Record<SubscriptionStatus, 'warning' | 'info' | 'success' | 'neutral' | 'danger'> = {
  pending: 'warning',
  approved: 'info',
  active: 'success',
  ended: 'neutral',
  rejected: 'danger',
  cancelled: 'neutral',
};

type Props = { subscription: Subscription; endOfThisMonth: string; onCancel: () => void };

export function SubscriptionCard({ subscription: s, endOfThisMonth, onCancel }: Props) {
  const { t, i18n } = useTranslation('order');
  return (
    <Card className="order-card" data-color="neutral">
      <Heading level={2} data-size="xs">
        {s.firstName} {s.lastName}
      </Heading>
      <div>
        <Tag data-color={COLOUR[s.status]} data-size="sm" className="order-status">
          {statusLine(s, t, localeOf(i18n.resolvedLanguage))}
        </Tag>
      </div>
      {s.status === 'rejected' && s.rejectionReason && (
        <Paragraph>{t('status.rejectedReason', { reason: s.rejectionReason })}</Paragraph>
      )}
      <SubscriptionFacts subscription={s} />
      {s.ticketPath && (
        <Paragraph>
          <Link to={s.ticketPath} reloadDocument>
            {t('mine.openTicket')}
          </Link>
        </Paragraph>
      )}
      {s.status === 'pending' && <Paragraph data-size="sm">{t('mine.ticketHint')}</Paragraph>}
      {canCancel(s, endOfThisMonth) && (
        <div>
          <Button variant="secondary" data-color="danger" data-size="sm" onClick={onCancel}>
            {t('mine.cancel')}
          </Button>
        </div>
      )}
    </Card>
  );
}
