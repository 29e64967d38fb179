import { Paragraph } from '@digdir/designsystemet-react';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApiQuery } from '../../../../query';
import { ActionDialog } from '../../shared/ActionDialog';
import { CategorySelect } from '../../shared/CategorySelect';
import { EffectiveRadios } from '../../shared/EffectiveRadios';
import type { Subscription } from '../../types';
import { type CategoryPreview, CostEffect } from './CostEffect';
import { useSubscriptionAction } from './useAction';

type Effective = 'next_month' | 'now';
type Props = {
  subscription: Subscription;
  open: boolean;
  onClose: () => void;
  onCreated: (id: string) => void;
};

/**
 * Rule 9: a category change ends this subscription and starts a new one. The cost effect comes from
 * the preview endpoint and is shown before the admin can confirm.
 */
export function ChangeCategoryDialog({ subscription: s, open, onClose, onCreated }: Props) {
  const { t } = useTranslation('company');
  const name = useId();
  const [categoryId, setCategoryId] = useState('');
  const [effective, setEffective] = useState<Effective>('next_month');
  const notStarted = s.status === 'approved';
  const base = `/api/company/subscriptions/${encodeURIComponent(s.id)}/change-category`;
  const params = new URLSearchParams({ categoryId, effective });
  const preview = useApiQuery<CategoryPreview>(`${base}/preview?${params}`, {
    enabled: categoryId !== '',
    staleTime: 0,
  });
  const change = useSubscriptionAction<
    { created: Subscription },
    { categoryId: string; effective: Effective }
  >(s.id, 'change-category', () => undefined);
  const confirm = () =>
    change.mutate(
      { categoryId, effective },
      {
        onSuccess: ({ created }) => {
          onClose();
          onCreated(created.id);
        },
      },
    );
  return (
    <ActionDialog
      open={open}
      onClose={onClose}
      title={t('changeCategory.title', { name: `${s.firstName} ${s.lastName}` })}
      confirmLabel={t('changeCategory.confirm')}
      onConfirm={confirm}
      canConfirm={categoryId !== '' && preview.isSuccess}
      pending={change.isPending}
      error={change.error ?? preview.error}
    >
      <Paragraph>{t('changeCategory.intro')}</Paragraph>
      <CategorySelect
        value={categoryId}
        onChange={setCategoryId}
        exclude={s.categoryId}
        label={t('changeCategory.newCategory')}
      />
      {!notStarted && (
        <EffectiveRadios<Effective>
          legend={t('changeCategory.when')}
          name={name}
          value={effective}
          onChange={setEffective}
          options={[
            {
              value: 'next_month',
              label: t('changeCategory.nextMonth'),
              description: t('changeCategory.nextMonthHelp'),
            },
            { value: 'now', label: t('changeCategory.now'), description: t('changeCategory.nowHelp') },
          ]}
        />
      )}
      <div aria-live="polite">
        {preview.data && categoryId !== '' && <CostEffect preview={preview.data} />}
      </div>
    </ActionDialog>
  );
}
