import { Alert, Button, Heading, Paragraph, Textfield } from '@digdir/designsystemet-react';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MasterDataDto } from '../../app/companies/master-data';
import type { MasterDataPatch } from '../../app/companies/update-master-data';
import { ErrorMessage } from './ErrorMessage';

type Draft = {
  name: string;
  street: string;
  postalCode: string;
  city: string;
  invoiceEmail: string;
  buyerReference: string;
  peppolEndpoint: string;
};

function draftOf(m: MasterDataDto): Draft {
  return {
    name: m.name,
    street: m.invoiceAddress?.street ?? '',
    postalCode: m.invoiceAddress?.postalCode ?? '',
    city: m.invoiceAddress?.city ?? '',
    invoiceEmail: m.invoiceEmail ?? '',
    buyerReference: m.buyerReference ?? '',
    peppolEndpoint: m.peppolEndpoint,
  };
}

/** Only what the person changed; an emptied optional field is cleared (null). */
function patchOf(m: MasterDataDto, d: Draft): MasterDataPatch {
  const before = draftOf(m);
  const patch: MasterDataPatch = {};
  const trimmed = (s: string) => s.trim();
  if (trimmed(d.name) !== before.name) patch.name = trimmed(d.name);
  if (d.street !== before.street || d.postalCode !== before.postalCode || d.city !== before.city)
    patch.invoiceAddress = {
      street: trimmed(d.street),
      postalCode: trimmed(d.postalCode),
      city: trimmed(d.city),
    };
  if (trimmed(d.invoiceEmail) !== before.invoiceEmail) patch.invoiceEmail = trimmed(d.invoiceEmail) || null;
  if (trimmed(d.buyerReference) !== before.buyerReference)
    patch.buyerReference = trimmed(d.buyerReference) || null;
  if (trimmed(d.peppolEndpoint) !== before.peppolEndpoint)
    patch.peppolEndpoint = trimmed(d.peppolEndpoint) || null;
  return patch;
}

/**
 * Issue 16 item 5: a company's name and invoice details, edited by its admins (company portal)
 * and by the operator (back office). Sends only the changed fields; the next invoice uses them.
 */
export function MasterDataForm(props: {
  data: MasterDataDto;
  onSave: (patch: MasterDataPatch) => void;
  pending: boolean;
  error: unknown;
  saved: boolean;
  readOnly?: boolean;
}) {
  const { t } = useTranslation('common');
  const [draft, setDraft] = useState<Draft>(() => draftOf(props.data));
  const set = (key: keyof Draft) => (e: { target: { value: string } }) =>
    setDraft((d) => ({ ...d, [key]: e.target.value }));
  const patch = patchOf(props.data, draft);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (Object.keys(patch).length > 0 && !props.pending) props.onSave(patch);
  };
  const postalInvalid = draft.postalCode !== '' && !/^\d{4}$/.test(draft.postalCode.trim());
  return (
    <form onSubmit={submit} className="master-data-form" aria-labelledby="master-data-heading">
      <Heading level={2} data-size="sm" id="master-data-heading">
        {t('masterData.title')}
      </Heading>
      <Paragraph data-size="sm">{t('masterData.intro')}</Paragraph>
      <Textfield
        label={t('masterData.name')}
        value={draft.name}
        onChange={set('name')}
        readOnly={props.readOnly}
        required
      />
      <Textfield
        label={t('masterData.street')}
        value={draft.street}
        onChange={set('street')}
        readOnly={props.readOnly}
      />
      <Textfield
        label={t('masterData.postalCode')}
        inputMode="numeric"
        value={draft.postalCode}
        onChange={set('postalCode')}
        readOnly={props.readOnly}
        error={postalInvalid ? t('masterData.postalCodeInvalid') : undefined}
      />
      <Textfield
        label={t('masterData.city')}
        value={draft.city}
        onChange={set('city')}
        readOnly={props.readOnly}
      />
      <Textfield
        label={t('masterData.invoiceEmail')}
        type="email"
        value={draft.invoiceEmail}
        onChange={set('invoiceEmail')}
        readOnly={props.readOnly}
      />
      <Textfield
        label={t('masterData.buyerReference')}
        description={t('masterData.buyerReferenceHelp')}
        value={draft.buyerReference}
        onChange={set('buyerReference')}
        readOnly={props.readOnly}
      />
      <Textfield
        label={t('masterData.peppolEndpoint')}
        description={t('masterData.peppolEndpointHelp')}
        value={draft.peppolEndpoint}
        onChange={set('peppolEndpoint')}
        readOnly={props.readOnly}
      />
      <ErrorMessage error={props.error} />
      {props.saved && Object.keys(patch).length === 0 && (
        <Alert data-color="success" role="status">
          <Paragraph>{t('masterData.saved')}</Paragraph>
        </Alert>
      )}
      {!props.readOnly && (
        <div>
          <Button
            type="submit"
            loading={props.pending}
            disabled={postalInvalid || Object.keys(patch).length === 0}
          >
            {t('masterData.save')}
          </Button>
        </div>
      )}
    </form>
  );
}
