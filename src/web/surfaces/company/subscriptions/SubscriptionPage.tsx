import { Button, Heading, Paragraph } from '@digdir/designsystemet-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate, useParams } from 'react-router';
import { compareDates } from '../../../../domain/calendar';
import { useApiQuery } from '../../../query';
import { AppLink } from '../../../ui/AppLink';
import { ErrorMessage } from '../../../ui/ErrorMessage';
import { Loading } from '../../../ui/Loading';
import { SuccessMessage } from '../../../ui/SuccessMessage';
import { usePageTitle } from '../../../ui/usePageTitle';
import { todayInOslo } from '../shared/dates';
import { StatusTag } from '../shared/StatusTag';
import { useCanChange } from '../shared/useMe';
import type { SubscriptionDetail } from '../types';
import { ApproveDialog } from './actions/ApproveDialog';
import { ChangeCategoryDialog } from './actions/ChangeCategoryDialog';
import { ChangeZonesDialog } from './actions/ChangeZonesDialog';
import { EndDialog } from './actions/EndDialog';
import { RejectDialog } from './actions/RejectDialog';
import { WithdrawEndDialog } from './actions/WithdrawEndDialog';
import { SubscriptionFacts } from './SubscriptionFacts';
import { SubscriptionHistory } from './SubscriptionHistory';

type Action = 'approve' | 'reject' | 'zones' | 'category' | 'end' | 'withdrawEnd';

/** One employee's subscription: facts, zone sets, history and the actions its status allows. */
export function SubscriptionPage() {
  const { t } = useTranslation('company');
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const query = useApiQuery<SubscriptionDetail>(`/api/company/subscriptions/${encodeURIComponent(id)}`);
  const [action, setAction] = useState<Action | null>(null);
  const canChange = useCanChange();
  const created = (useLocation().state as { created?: boolean } | null)?.created;
  const [done, setDone] = useState<string | null>(null);
  const s = query.data;
  usePageTitle(s ? `${s.firstName} ${s.lastName}` : t('subscriptions.title'));
  if (query.isPending) return <Loading />;
  if (!s) return <ErrorMessage error={query.error} />;

  const close = () => setAction(null);
  const finished = (message: string) => () => setDone(message);
  const changeable = s.status === 'approved' || s.status === 'active';
  const plannedEnd =
    changeable && s.endDate !== null && s.revokedAt === null && compareDates(s.endDate, todayInOslo()) >= 0;
  const button = (a: Action, label: string, variant: 'primary' | 'secondary' = 'secondary') => (
    <Button variant={variant} onClick={() => setAction(a)}>
      {label}
    </Button>
  );
  return (
    <>
      <Paragraph data-size="sm">
        <AppLink to="/bedrift/abonnementer">{t('subscription.back')}</AppLink>
      </Paragraph>
      <Heading level={1} data-size="lg">
        {s.firstName} {s.lastName} <StatusTag status={s.status} />
      </Heading>
      {created && !done && (
        <SuccessMessage>
          <Paragraph>{t('done.created')}</Paragraph>
        </SuccessMessage>
      )}
      {done && (
        <SuccessMessage key={done}>
          <Paragraph>{done}</Paragraph>
        </SuccessMessage>
      )}
      {canChange && (s.status === 'pending' || changeable) && (
        <div className="company-buttons">
          {s.status === 'pending' && button('approve', t('actions.approve'), 'primary')}
          {s.status === 'pending' && button('reject', t('actions.reject'))}
          {changeable && button('zones', t('actions.changeZones'))}
          {changeable && button('category', t('actions.changeCategory'))}
          {changeable && button('end', plannedEnd ? t('actions.changeEnd') : t('actions.end'))}
          {plannedEnd && button('withdrawEnd', t('actions.withdrawEnd'))}
        </div>
      )}
      <SubscriptionFacts subscription={s} />
      <SubscriptionHistory subscription={s} />
      {action === 'approve' && (
        <ApproveDialog subscription={s} open onClose={close} onDone={finished(t('done.approved'))} />
      )}
      {action === 'reject' && (
        <RejectDialog subscription={s} open onClose={close} onDone={finished(t('done.rejected'))} />
      )}
      {action === 'zones' && (
        <ChangeZonesDialog subscription={s} open onClose={close} onDone={finished(t('done.zones'))} />
      )}
      {action === 'end' && (
        <EndDialog subscription={s} open onClose={close} onDone={finished(t('done.ended'))} />
      )}
      {action === 'withdrawEnd' && (
        <WithdrawEndDialog subscription={s} open onClose={close} onDone={finished(t('done.endWithdrawn'))} />
      )}
      {action === 'category' && (
        <ChangeCategoryDialog
          subscription={s}
          open
          onClose={close}
          onCreated={(createdId) => {
            setDone(t('done.category'));
            navigate(`/bedrift/abonnementer/${createdId}`);
          }}
        />
      )}
    </>
  );
}
