import { Button, Fieldset, Heading, Paragraph, Radio, Table, Textfield } from '@digdir/designsystemet-react';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DepartmentDto } from '../../../../app/departments/department-dto';
import { fieldMessagesOf } from '../../../api';
import { useApiMutation, useApiQuery } from '../../../query';
import { ErrorMessage } from '../../../ui/ErrorMessage';
import { Loading } from '../../../ui/Loading';
import { SuccessMessage } from '../../../ui/SuccessMessage';
import { usePageTitle } from '../../../ui/usePageTitle';

const PATH = '/api/company/departments';
const SETTINGS = '/api/company/settings';
/** The form's inputs by request path, and the error codes about one field. */
const FIELDS = {
  name: 'department-name',
  costCentre: 'department-cost-centre',
  buyerReference: 'department-reference',
  'invoiceAddress.street': 'department-street',
  'invoiceAddress.postalCode': 'department-postal-code',
  'invoiceAddress.city': 'department-city',
};
const CODES = { DEPARTMENT_TAKEN: 'name' };

type Draft = {
  name: string;
  costCentre: string;
  buyerReference: string;
  street: string;
  postalCode: string;
  city: string;
};
const EMPTY: Draft = { name: '', costCentre: '', buyerReference: '', street: '', postalCode: '', city: '' };
type Body = {
  name: string;
  costCentre: string;
  buyerReference: string | null;
  invoiceAddress: { street: string; postalCode: string; city: string } | null;
};

function draftOf(d: DepartmentDto): Draft {
  return {
    name: d.name,
    costCentre: d.costCentre,
    buyerReference: d.buyerReference ?? '',
    street: d.invoiceAddress?.street ?? '',
    postalCode: d.invoiceAddress?.postalCode ?? '',
    city: d.invoiceAddress?.city ?? '',
  };
}

/** The request body: an address only when any of its fields is filled in, else the company's. */
function bodyOf(d: Draft): Body {
  const address = [d.street, d.postalCode, d.city].some((v) => v.trim() !== '');
  return {
    name: d.name.trim(),
    costCentre: d.costCentre.trim(),
    buyerReference: d.buyerReference.trim() || null,
    invoiceAddress: address
      ? { street: d.street.trim(), postalCode: d.postalCode.trim(), city: d.city.trim() }
      : null,
  };
}

/**
 * Avdelinger (issue 16 item 3): the company's departments with their cost centre, buyer reference
 * and own invoice address; add, edit, delete an empty one; and one invoice for all or per department.
 */
export function DepartmentsPage() {
  const { t } = useTranslation('company');
  usePageTitle(t('departments.title'));
  const list = useApiQuery<{ items: DepartmentDto[] }>(PATH);
  const settings = useApiQuery<{ invoiceSplit: 'company' | 'department' }>(SETTINGS);
  const [editing, setEditing] = useState<DepartmentDto | null>(null);
  const [choice, setChoice] = useState<'company' | 'department' | null>(null);
  const [draft, setDraft] = useState<Draft>(EMPTY);
  const done = () => {
    setEditing(null);
    setDraft(EMPTY);
  };
  const invalidates = [PATH, '/api/company/audit', '/api/company/subscriptions'];
  const create = useApiMutation<DepartmentDto, Body>('post', PATH, { invalidates, onSuccess: done });
  const update = useApiMutation<DepartmentDto, Body & { id: string }>(
    'patch',
    (v) => `${PATH}/${encodeURIComponent(v.id)}`,
    { invalidates, onSuccess: done },
  );
  const remove = useApiMutation<unknown, { id: string }>(
    'delete',
    (v) => `${PATH}/${encodeURIComponent(v.id)}`,
    {
      invalidates,
    },
  );
  const split = useApiMutation<unknown, { invoiceSplit: 'company' | 'department' }>('patch', SETTINGS, {
    invalidates: [SETTINGS, '/api/company/audit'],
    onError: () => setChoice(null),
  });
  const choose = (invoiceSplit: 'company' | 'department') => {
    setChoice(invoiceSplit);
    split.mutate({ invoiceSplit });
  };
  const current = choice ?? settings.data?.invoiceSplit;
  const save = editing ? update : create;
  const errors = fieldMessagesOf(save.error, CODES);
  const set = (key: keyof Draft) => (e: { target: { value: string } }) =>
    setDraft((d) => ({ ...d, [key]: e.target.value }));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const body = bodyOf(draft);
    if (editing) update.mutate({ ...body, id: editing.id });
    else create.mutate(body);
  };
  const items = list.data?.items ?? [];
  return (
    <>
      <Heading level={1} data-size="lg">
        {t('departments.title')}
      </Heading>
      <Paragraph>{t('departments.intro')}</Paragraph>
      <ErrorMessage error={list.error ?? remove.error} />
      {list.isPending ? (
        <Loading />
      ) : items.length === 0 ? (
        <Paragraph>{t('departments.none')}</Paragraph>
      ) : (
        <div className="company-table-wrap">
          <Table zebra>
            <caption className="company-visually-hidden">{t('departments.title')}</caption>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell>{t('departments.name')}</Table.HeaderCell>
                <Table.HeaderCell>{t('departments.costCentre')}</Table.HeaderCell>
                <Table.HeaderCell>{t('departments.buyerReference')}</Table.HeaderCell>
                <Table.HeaderCell>{t('departments.subscriptions')}</Table.HeaderCell>
                <Table.HeaderCell>{t('columns.actions')}</Table.HeaderCell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {items.map((d) => (
                <Table.Row key={d.id}>
                  <Table.Cell>{d.name}</Table.Cell>
                  <Table.Cell>{d.costCentre}</Table.Cell>
                  <Table.Cell>{d.buyerReference ?? t('departments.companyReference')}</Table.Cell>
                  <Table.Cell>{d.subscriptions}</Table.Cell>
                  <Table.Cell>
                    <Button
                      variant="tertiary"
                      data-size="sm"
                      aria-label={t('departments.editWho', { name: d.name })}
                      onClick={() => {
                        setEditing(d);
                        setDraft(draftOf(d));
                        update.reset();
                      }}
                    >
                      {t('departments.edit')}
                    </Button>
                    {d.subscriptions === 0 && (
                      <Button
                        variant="tertiary"
                        data-color="danger"
                        data-size="sm"
                        aria-label={t('departments.deleteWho', { name: d.name })}
                        loading={remove.isPending && remove.variables?.id === d.id}
                        onClick={() => remove.mutate({ id: d.id })}
                      >
                        {t('departments.delete')}
                      </Button>
                    )}
                  </Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </div>
      )}

      <section aria-labelledby="department-form-heading" className="company-stack">
        <Heading level={2} data-size="sm" id="department-form-heading">
          {editing ? t('departments.editTitle', { name: editing.name }) : t('departments.add')}
        </Heading>
        <form onSubmit={submit} className="company-form">
          <div className="company-row">
            <Textfield
              id={FIELDS.name}
              label={t('departments.name')}
              value={draft.name}
              onChange={set('name')}
              error={errors.name}
              required
            />
            <Textfield
              id={FIELDS.costCentre}
              label={t('departments.costCentre')}
              description={t('departments.costCentreHelp')}
              value={draft.costCentre}
              onChange={set('costCentre')}
              error={errors.costCentre}
              required
            />
          </div>
          <Textfield
            id={FIELDS.buyerReference}
            label={t('departments.buyerReference')}
            description={t('departments.buyerReferenceHelp')}
            value={draft.buyerReference}
            onChange={set('buyerReference')}
          />
          <Fieldset>
            <Fieldset.Legend>{t('departments.address')}</Fieldset.Legend>
            <Fieldset.Description>{t('departments.addressHelp')}</Fieldset.Description>
            <Textfield
              id={FIELDS['invoiceAddress.street']}
              label={t('departments.street')}
              value={draft.street}
              onChange={set('street')}
            />
            <div className="company-row">
              <Textfield
                id={FIELDS['invoiceAddress.postalCode']}
                label={t('departments.postalCode')}
                inputMode="numeric"
                value={draft.postalCode}
                onChange={set('postalCode')}
              />
              <Textfield
                id={FIELDS['invoiceAddress.city']}
                label={t('departments.city')}
                value={draft.city}
                onChange={set('city')}
              />
            </div>
          </Fieldset>
          <ErrorMessage error={save.error} fields={FIELDS} codes={CODES} />
          {(create.isSuccess || update.isSuccess) && !editing && (
            <SuccessMessage>
              <Paragraph>{t('departments.saved')}</Paragraph>
            </SuccessMessage>
          )}
          <div className="company-row">
            <Button type="submit" loading={save.isPending}>
              {editing ? t('departments.save') : t('departments.addButton')}
            </Button>
            {editing && (
              <Button type="button" variant="secondary" onClick={done}>
                {t('departments.cancel')}
              </Button>
            )}
          </div>
        </form>
      </section>

      <section aria-labelledby="invoice-split-heading" className="company-stack">
        <Heading level={2} data-size="sm" id="invoice-split-heading">
          {t('departments.invoices')}
        </Heading>
        {settings.data && (
          <Fieldset>
            <Fieldset.Legend>{t('departments.invoicesLegend')}</Fieldset.Legend>
            <Radio
              name="invoice-split"
              value="company"
              label={t('departments.split.company')}
              checked={current === 'company'}
              onChange={() => choose('company')}
            />
            <Radio
              name="invoice-split"
              value="department"
              label={t('departments.split.department')}
              description={t('departments.split.departmentHelp')}
              checked={current === 'department'}
              onChange={() => choose('department')}
            />
          </Fieldset>
        )}
        <ErrorMessage error={settings.error ?? split.error} />
        {split.isSuccess && (
          <SuccessMessage>
            <Paragraph>{t('departments.splitSaved')}</Paragraph>
          </SuccessMessage>
        )}
      </section>
    </>
  );
}
