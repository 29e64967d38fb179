import { Button, Heading, Paragraph, Textfield } from '@digdir/designsystemet-react';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink, useNavigate } from 'react-router';
import { compareDates } from '../../../../domain/calendar';
import { fieldMessagesOf } from '../../../api';
import { useApiMutation, useApiQuery } from '../../../query';
import { ErrorMessage } from '../../../ui/ErrorMessage';
import { usePageTitle } from '../../../ui/usePageTitle';
import { CategorySelect } from '../shared/CategorySelect';
import { DepartmentSelect } from '../shared/DepartmentSelect';
import { firstOfNextMonthInOslo, todayInOslo } from '../shared/dates';
import { costOf, PriceSummary } from '../shared/PriceSummary';
import { useCatalog } from '../shared/useCatalog';
import { ZonePicker } from '../shared/ZonePicker';
import type { Settings, Subscription } from '../types';
import { ExtraFieldInputs, type FieldValues } from './ExtraFieldInputs';
import { type Body, type CreateRequest, cleanFields, FIELD_OF_CODE, newKey } from './request';

/** Nytt abonnement: added by the admin, approved at once; the employee gets the ticket link by SMS. */
export function NewSubscriptionPage() {
  const { t } = useTranslation('company');
  usePageTitle(t('newSubscription.title'));
  const navigate = useNavigate();
  const { catalog } = useCatalog();
  const settings = useApiQuery<Settings>('/api/company/settings');
  const today = todayInOslo();
  const [form, setForm] = useState<Body>({
    firstName: '',
    lastName: '',
    phone: '',
    zoneIds: [],
    categoryId: '',
    startDate: firstOfNextMonthInOslo(),
  });
  const [fields, setFields] = useState<FieldValues>({});
  const [departmentId, setDepartmentId] = useState('');
  const [idempotencyKey] = useState(newKey);
  const [checked, setChecked] = useState(false);
  const set = <K extends keyof Body>(key: K, value: Body[K]) => setForm((f) => ({ ...f, [key]: value }));
  const create = useApiMutation<Subscription, CreateRequest>('post', '/api/company/subscriptions', {
    invalidates: ['/api/company/'],
    onSuccess: (created) => navigate(`/bedrift/abonnementer/${created.id}`, { state: { created: true } }),
  });
  const missing = {
    firstName: !form.firstName.trim() ? t('newSubscription.required') : undefined,
    lastName: !form.lastName.trim() ? t('newSubscription.required') : undefined,
    phone: !form.phone.trim() ? t('newSubscription.phoneRequired') : undefined,
    zoneIds: form.zoneIds.length === 0 ? t('zones.required') : undefined,
    categoryId: !form.categoryId ? t('category.required') : undefined,
    startDate:
      !form.startDate || compareDates(form.startDate, today) < 0
        ? t('newSubscription.startInPast')
        : undefined,
  };
  // Issue 16 item 8: a field required of employees (e.g. the employee number) is required here too.
  const ownFields = settings.data?.orderForm.kind === 'custom' ? settings.data.orderForm.fields : [];
  const missingOwn = Object.fromEntries(
    ownFields
      .filter(
        (f) =>
          f.required &&
          (f.type === 'checkbox' ? fields[f.key] !== true : !String(fields[f.key] ?? '').trim()),
      )
      .map((f) => [f.key, t('newSubscription.required')]),
  );
  const serverField = create.error ? FIELD_OF_CODE[create.error.code] : undefined;
  // Issue 15.6: a server problem named by a field's path (VALIDATION_FAILED details) shows there too.
  const serverFields = fieldMessagesOf(create.error);
  const errorFor = (key: keyof Body) =>
    (checked ? missing[key] : undefined) ??
    (serverField === key ? create.error?.message : undefined) ??
    serverFields[key];
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setChecked(true);
    if (Object.values(missing).some(Boolean) || Object.keys(missingOwn).length > 0 || create.isPending)
      return;
    create.mutate({
      ...form,
      firstName: form.firstName.trim(),
      lastName: form.lastName.trim(),
      fields: cleanFields(fields, settings.data),
      departmentId: departmentId || null,
      idempotencyKey,
    });
  };
  const cost = costOf(catalog, settings.data?.subsidy, {
    categoryId: form.categoryId,
    zoneCount: form.zoneIds.length,
    date: form.startDate || today,
  });
  return (
    <>
      <Heading level={1} data-size="lg">
        {t('newSubscription.title')}
      </Heading>
      <Paragraph>{t('newSubscription.intro')}</Paragraph>
      <Paragraph>
        <Button asChild variant="secondary" data-size="sm">
          <RouterLink to="/bedrift/nytt-abonnement/import">{t('newSubscription.toImport')}</RouterLink>
        </Button>
      </Paragraph>
      <form onSubmit={submit} className="company-form" noValidate>
        <div className="company-row">
          <Textfield
            label={t('newSubscription.firstName')}
            autoComplete="off"
            value={form.firstName}
            onChange={(e) => set('firstName', e.target.value)}
            error={errorFor('firstName')}
            required
          />
          <Textfield
            label={t('newSubscription.lastName')}
            autoComplete="off"
            value={form.lastName}
            onChange={(e) => set('lastName', e.target.value)}
            error={errorFor('lastName')}
            required
          />
        </div>
        <Paragraph data-size="sm">{t('newSubscription.nameHelp')}</Paragraph>
        <Textfield
          label={t('newSubscription.phone')}
          description={t('newSubscription.phoneHelp')}
          type="tel"
          inputMode="tel"
          autoComplete="off"
          value={form.phone}
          onChange={(e) => set('phone', e.target.value)}
          error={errorFor('phone')}
          required
        />
        <ZonePicker
          value={form.zoneIds}
          onChange={(zoneIds) => set('zoneIds', zoneIds)}
          error={errorFor('zoneIds')}
        />
        <CategorySelect value={form.categoryId} onChange={(id) => set('categoryId', id)} />
        {errorFor('categoryId') && (
          <Paragraph data-size="sm" className="company-error">
            {errorFor('categoryId')}
          </Paragraph>
        )}
        <Textfield
          label={t('newSubscription.startDate')}
          description={t('newSubscription.startDateHelp')}
          type="date"
          min={today}
          value={form.startDate}
          onChange={(e) => set('startDate', e.target.value)}
          error={errorFor('startDate')}
          required
        />
        <DepartmentSelect
          value={departmentId}
          onChange={setDepartmentId}
          error={create.error?.code === 'DEPARTMENT_UNKNOWN' ? create.error.message : undefined}
        />
        {settings.data?.orderForm.kind === 'custom' && (
          <ExtraFieldInputs
            fields={settings.data.orderForm.fields}
            value={fields}
            onChange={setFields}
            errors={checked ? missingOwn : {}}
          />
        )}
        <PriceSummary cost={cost} />
        <ErrorMessage
          error={serverField || Object.keys(serverFields).some((k) => k in form) ? null : create.error}
        />
        <div className="company-buttons">
          <Button type="submit" loading={create.isPending}>
            {t('newSubscription.submit')}
          </Button>
        </div>
      </form>
    </>
  );
}
