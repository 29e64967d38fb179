import {
  Button,
  Checkbox,
  ErrorSummary,
  Field,
  Heading,
  Label,
  Paragraph,
  Select,
  Textfield,
  ValidationMessage,
} from '@digdir/designsystemet-react';
import { type ComponentRef, type FormEvent, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { companyTextsIn } from '../../../domain/company-texts';
import { useApiMutation } from '../../query';
import { AppLink } from '../../ui/AppLink';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { formatDate, localeOf } from '../../ui/format';
import { usePageTitle } from '../../ui/usePageTitle';
import { CompanyLine } from './CompanyLine';
import { ExtraFields, fieldId } from './ExtraFields';
import { checkDraft, type Draft, type Errors, serverErrors } from './order-validation';
import { PriceSummary } from './PriceSummary';
import type { OrderPage, Subscription } from './types';
import { useOrderToken } from './useOrderPage';
import { ZonePicker } from './ZonePicker';

const ANCHOR: Record<string, string> = {
  firstName: 'order-first-name',
  lastName: 'order-last-name',
  zones: 'order-zones',
  category: 'order-category',
  department: 'order-department',
  consent: 'order-consent',
};
const anchor = (key: string) => ANCHOR[key] ?? fieldId(key.replace(/^field:/, ''));

/** Rule 5: the order form — start date locked, name as on ID, extra fields, zones, category, price, consent. */
export function OrderFormPage({ page }: { page: OrderPage }) {
  const { t, i18n } = useTranslation('order');
  usePageTitle(t('form.title'));
  const token = useOrderToken();
  const navigate = useNavigate();
  const english = i18n.resolvedLanguage === 'en';
  // Issue 15.3: the company's labels and help texts in the page's language, bokmål where missing.
  const texts = companyTextsIn(page, english ? 'en' : 'nb');
  const fields = page.fields.map((f, i) => ({ ...f, ...texts.fields[i] }));
  const [draft, setDraft] = useState<Draft>({
    firstName: '',
    lastName: '',
    zoneIds: [],
    categoryId: page.categories.length === 1 ? (page.categories[0]?.id ?? '') : '',
    departmentId: '',
    fields: {},
    consent: false,
  });
  const [errors, setErrors] = useState<Errors>({});
  const summaryRef = useRef<ComponentRef<typeof ErrorSummary>>(null);
  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => setDraft((d) => ({ ...d, [key]: value }));
  const showErrors = (e: Errors) => {
    setErrors(e);
    requestAnimationFrame(() => summaryRef.current?.focus());
  };
  const order = useApiMutation<Subscription, unknown>('post', '/api/me/subscriptions', {
    invalidates: ['/api/me/subscriptions'],
    onSuccess: (s) => navigate(`/bestill/${encodeURIComponent(token)}/bekreftelse/${s.id}`),
    onError: (error) => {
      const mapped = serverErrors(error, fields, t);
      if (mapped) showErrors(mapped);
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (order.isPending) return;
    const found = checkDraft(draft, fields, t);
    if (Object.keys(found).length > 0) return showErrors(found);
    setErrors({});
    const { departmentId, ...rest } = draft;
    order.mutate({
      ...rest,
      ...(departmentId ? { departmentId } : {}),
      firstName: draft.firstName.trim(),
      lastName: draft.lastName.trim(),
      language: english ? 'en' : 'nb',
    });
  };
  const errorList = Object.entries(errors);
  const unmappedError = order.error && !serverErrors(order.error, fields, t) ? order.error : null;
  return (
    <div className="order-page">
      <CompanyLine name={page.company.name} />
      <Heading level={1} data-size="lg">
        {t('form.title')}
      </Heading>
      <Paragraph>
        <AppLink to={`/bestill/${encodeURIComponent(token)}`}>{t('form.back')}</AppLink>
      </Paragraph>
      {errorList.length > 0 && (
        <ErrorSummary ref={summaryRef} tabIndex={-1}>
          <ErrorSummary.Heading>{t('form.errorsTitle')}</ErrorSummary.Heading>
          <ErrorSummary.List>
            {errorList.map(([key, message]) => (
              <ErrorSummary.Item key={key}>
                <ErrorSummary.Link href={`#${anchor(key)}`}>{message}</ErrorSummary.Link>
              </ErrorSummary.Item>
            ))}
          </ErrorSummary.List>
        </ErrorSummary>
      )}
      <form onSubmit={submit} className="order-form" noValidate>
        <Textfield
          label={t('form.startDate')}
          description={t('form.startDateHelp')}
          value={formatDate(page.startDate, localeOf(i18n.resolvedLanguage))}
          readOnly
        />
        <Textfield
          id={ANCHOR.firstName}
          label={t('form.firstName')}
          description={t('form.nameHelp')}
          autoComplete="given-name"
          value={draft.firstName}
          onChange={(e) => set('firstName', e.target.value)}
          error={errors.firstName}
          required
        />
        <Textfield
          id={ANCHOR.lastName}
          label={t('form.lastName')}
          description={t('form.nameHelp')}
          autoComplete="family-name"
          value={draft.lastName}
          onChange={(e) => set('lastName', e.target.value)}
          error={errors.lastName}
          required
        />
        <ExtraFields
          fields={fields}
          values={draft.fields}
          onChange={(key, value) => set('fields', { ...draft.fields, [key]: value })}
          errors={errors}
        />
        {page.departments.length > 0 && (
          <Field>
            <Label>{t('form.department')}</Label>
            <Field.Description>{t('form.departmentHelp')}</Field.Description>
            <Select
              id={ANCHOR.department}
              value={draft.departmentId}
              onChange={(e) => set('departmentId', e.target.value)}
              aria-invalid={errors.department ? true : undefined}
            >
              <Select.Option value="">{t('form.noDepartment')}</Select.Option>
              {page.departments.map((d) => (
                <Select.Option key={d.id} value={d.id}>
                  {d.name}
                </Select.Option>
              ))}
            </Select>
            {errors.department && <ValidationMessage>{errors.department}</ValidationMessage>}
          </Field>
        )}
        <ZonePicker
          zones={page.zones}
          value={draft.zoneIds}
          onChange={(z) => set('zoneIds', z)}
          error={errors.zones}
        />
        <Field>
          <Label>{t('form.category')}</Label>
          <Select
            id={ANCHOR.category}
            value={draft.categoryId}
            onChange={(e) => set('categoryId', e.target.value)}
            aria-invalid={errors.category ? true : undefined}
            required
          >
            <Select.Option value="" disabled>
              {t('form.chooseCategory')}
            </Select.Option>
            {page.categories.map((c) => (
              <Select.Option key={c.id} value={c.id}>
                {english ? c.nameEn : c.name}
              </Select.Option>
            ))}
          </Select>
          {errors.category && <ValidationMessage>{errors.category}</ValidationMessage>}
        </Field>
        <PriceSummary page={page} zoneCount={draft.zoneIds.length} categoryId={draft.categoryId} />
        <section aria-labelledby="order-terms-title" className="order-form">
          <Heading level={2} data-size="xs" id="order-terms-title">
            {t('form.termsTitle')}
          </Heading>
          <Paragraph className="order-terms">{texts.deductionTerms}</Paragraph>
          <Checkbox
            id={ANCHOR.consent}
            label={t('form.consent')}
            checked={draft.consent}
            onChange={(e) => set('consent', e.target.checked)}
            error={errors.consent}
            required
          />
        </section>
        {unmappedError && <ErrorMessage error={unmappedError} />}
        <div>
          <Button type="submit" loading={order.isPending} disabled={order.isPending}>
            {t('form.submit')}
          </Button>
        </div>
      </form>
    </div>
  );
}
