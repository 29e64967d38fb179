import { Button, Dialog, Heading, Paragraph } from '@digdir/designsystemet-react';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useApiMutation } from '../../query';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { formatDate, localeOf } from '../../ui/format';
import { notStarted } from './subscription-text';
import type { Subscription } from './types';

type Props = {
  subscription: Subscription;
  endOfThisMonth: string;
  onClose: () => void;
  onDone: (updated: Subscription) => void;
};

/** Rule 10, shown before confirming: not started → cancelled at no cost; else the end date. */
export function CancelDialog({ subscription: s, endOfThisMonth, onClose, onDone }: Props) {
  const { t, i18n } = useTranslation('order');
  const titleId = useId();
  const cancel = useApiMutation<Subscription, Record<string, never>>(
    'post',
    `/api/me/subscriptions/${s.id}/cancel`,
    { invalidates: ['/api/me/subscriptions'], onSuccess: onDone },
  );
  const date = formatDate(endOfThisMonth, localeOf(i18n.resolvedLanguage));
  return (
    <Dialog open onClose={onClose} aria-labelledby={titleId} closeButton={t('cancel.close')} closedby="any">
      <div className="order-form">
        <Heading level={2} data-size="sm" id={titleId}>
          {t('cancel.title')}
        </Heading>
        <Paragraph>{notStarted(s) ? t('cancel.notStarted') : t('cancel.ends', { date })}</Paragraph>
        <ErrorMessage error={cancel.error} />
        <div className="order-buttons">
          <Button
            data-color="danger"
            loading={cancel.isPending}
            disabled={cancel.isPending}
            onClick={() => cancel.mutate({})}
          >
            {t('cancel.confirm')}
          </Button>
          <Button variant="secondary" onClick={onClose}>
            {t('cancel.keep')}
          </Button>
        </div>
      </div>
    </Dialog>
  );
}
