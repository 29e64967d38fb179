import { Button, Fieldset, Heading, Textfield } from '@digdir/designsystemet-react';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { isValidOrgNumber, normalizeOrgNumber } from '../../../../domain/org-number';
import { fieldMessagesOf } from '../../../api';
import { useApiMutation } from '../../../query';
import { ErrorMessage } from '../../../ui/ErrorMessage';
import { usePageTitle } from '../../../ui/usePageTitle';

const empty = {
  orgNumber: '',
  name: '',
  street: '',
  postalCode: '',
  city: '',
  invoiceEmail: '',
  reference: '',
  contactName: '',
  contactEmail: '',
  contactPhone: '',
};
type Form = typeof empty;

/** Each input's path in the request body (where the server names its problems). */
const PATHS: Record<keyof Form, string> = {
  orgNumber: 'orgNumber',
  name: 'name',
  street: 'invoiceAddress.street',
  postalCode: 'invoiceAddress.postalCode',
  city: 'invoiceAddress.city',
  invoiceEmail: 'invoiceAddress.email',
  reference: 'invoiceAddress.reference',
  contactName: 'contact.name',
  contactEmail: 'contact.email',
  contactPhone: 'contact.phone',
};
const FIELD_IDS = Object.fromEntries(
  Object.entries(PATHS).map(([key, path]) => [path, `register-${key}`]),
) as Record<string, string>;
/** Error codes about one field. */
const CODES = {
  ORG_NUMBER_INVALID: 'orgNumber',
  ORG_NUMBER_TAKEN: 'orgNumber',
  EMAIL_TAKEN: 'contact.email',
  PHONE_INVALID: 'contact.phone',
};

/** Register a company and its contact person, who gets an email with a login link. */
export function RegisterCompanyPage() {
  const { t } = useTranslation('operator');
  usePageTitle(t('register.title'));
  const navigate = useNavigate();
  const [form, setForm] = useState<Form>(empty);
  const [checked, setChecked] = useState(false);
  const register = useApiMutation<{ id: string }, unknown>('post', '/api/operator/companies', {
    invalidates: ['/api/operator/companies', '/api/operator/figures'],
    onSuccess: (company) => navigate(`/operator/bedrifter/${company.id}`, { state: { registered: true } }),
  });
  const org = normalizeOrgNumber(form.orgNumber);
  const orgError = checked && (!org || !isValidOrgNumber(org)) ? t('register.orgNumberInvalid') : undefined;
  const postalError =
    checked && form.postalCode !== '' && !/^\d{4}$/.test(form.postalCode.trim())
      ? t('register.postalCodeInvalid')
      : undefined;
  const server = fieldMessagesOf(register.error, CODES);
  const local: Partial<Record<keyof Form, string>> = { orgNumber: orgError, postalCode: postalError };
  const field = (key: keyof Form) => ({
    id: `register-${key}`,
    error: local[key] ?? server[PATHS[key]],
    value: form[key],
    onChange: (e: { target: { value: string } }) => setForm({ ...form, [key]: e.target.value }),
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setChecked(true);
    if (!org || !isValidOrgNumber(org) || (form.postalCode !== '' && !/^\d{4}$/.test(form.postalCode.trim())))
      return;
    const hasAddress = form.street.trim() !== '' || form.postalCode.trim() !== '' || form.city.trim() !== '';
    register.mutate({
      orgNumber: org,
      name: form.name.trim(),
      ...(hasAddress
        ? {
            invoiceAddress: {
              street: form.street.trim(),
              postalCode: form.postalCode.trim(),
              city: form.city.trim(),
              ...(form.invoiceEmail.trim() ? { email: form.invoiceEmail.trim() } : {}),
              ...(form.reference.trim() ? { reference: form.reference.trim() } : {}),
            },
          }
        : {}),
      contact: {
        name: form.contactName.trim(),
        email: form.contactEmail.trim(),
        ...(form.contactPhone.trim() ? { phone: form.contactPhone.trim() } : {}),
      },
    });
  };
  return (
    <>
      <Heading level={1} data-size="lg">
        {t('register.title')}
      </Heading>
      <form onSubmit={submit} className="operator-form operator-narrow">
        <Textfield
          label={t('register.orgNumber')}
          description={t('register.orgNumberHelp')}
          inputMode="numeric"
          required
          {...field('orgNumber')}
        />
        <Textfield label={t('register.name')} required {...field('name')} />
        <Fieldset>
          <Fieldset.Legend>{t('register.invoiceAddress')}</Fieldset.Legend>
          <Textfield label={t('register.street')} autoComplete="street-address" {...field('street')} />
          <Textfield
            label={t('register.postalCode')}
            inputMode="numeric"
            autoComplete="postal-code"
            {...field('postalCode')}
          />
          <Textfield label={t('register.city')} autoComplete="address-level2" {...field('city')} />
          <Textfield label={t('register.invoiceEmail')} type="email" {...field('invoiceEmail')} />
          <Textfield
            label={t('register.reference')}
            description={t('register.referenceHelp')}
            {...field('reference')}
          />
        </Fieldset>
        <Fieldset>
          <Fieldset.Legend>{t('register.contact')}</Fieldset.Legend>
          <Textfield
            label={t('register.contactName')}
            autoComplete="off"
            required
            {...field('contactName')}
          />
          <Textfield
            label={t('register.contactEmail')}
            type="email"
            autoComplete="off"
            required
            {...field('contactEmail')}
          />
          <Textfield
            label={t('register.contactPhone')}
            type="tel"
            autoComplete="off"
            {...field('contactPhone')}
          />
        </Fieldset>
        <ErrorMessage error={register.error} fields={FIELD_IDS} codes={CODES} />
        <div>
          <Button type="submit" loading={register.isPending}>
            {t('register.submit')}
          </Button>
        </div>
      </form>
    </>
  );
}
