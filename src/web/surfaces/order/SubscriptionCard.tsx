import { Button, Card, Heading, Paragraph, Tag } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { useApiQuery } from '../../query';
import { localeOf } from '../../ui/format';
import { canCancel, statusLine } from './subscription-text';
import type { Catalog, Subscription, SubscriptionStatus } from './types';

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
  const english = i18n.resolvedLanguage === 'en';
  const catalog = useApiQuery<Catalog>('/api/catalog', { staleTime: 5 * 60_000 }).data;
  const zoneNames = s.zoneIds.map((id) => catalog?.zones.find((z) => z.id === id)?.name ?? id).join(', ');
  const category = catalog?.categories.find((c) => c.id === s.categoryId);
  const categoryName = category ? (english ? category.nameEn : category.name) : s.categoryId;
  return (
    <Card className="order-card" data-color="neutral">
      <Heading level={2} data-size="xs">
        {s.firstName} {s.lastName}
      </Heading>
      <div>
        <Tag data-color={COLOUR[s.status]} data-size="sm">
          {statusLine(s, t, localeOf(i18n.resolvedLanguage))}
        </Tag>
      </div>
      {s.status === 'rejected' && s.rejectionReason && (
        <Paragraph>{t('status.rejectedReason', { reason: s.rejectionReason })}</Paragraph>
      )}
      <dl className="order-facts">
        <dt>{t('mine.zones')}</dt>
        <dd>{zoneNames}</dd>
        <dt>{t('mine.category')}</dt>
        <dd>{categoryName}</dd>
      </dl>
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
