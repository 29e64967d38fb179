import { Button, Heading, Paragraph, Textfield } from '@digdir/designsystemet-react';
import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApiMutation, useApiQuery } from '../../../query';
import { ErrorMessage } from '../../../ui/ErrorMessage';
import { Loading } from '../../../ui/Loading';
import { usePageTitle } from '../../../ui/usePageTitle';
import { useCanWrite } from '../shared/session';

type Settings = { movesPerMonth: number; freshnessSeconds: number };
type Field = keyof Settings;
const PATH = '/api/operator/ticket-settings';
/** The bounds the server keeps (src/app/operator/update-ticket-settings.ts), for the field help. */
const LIMITS: Record<Field, { min: number; max: number }> = {
  movesPerMonth: { min: 0, max: 10 },
  freshnessSeconds: { min: 15, max: 300 },
};

/**
 * Billetter: the operator's ticket settings (issue 13) — how many times a month a ticket may move
 * to another device, and how old a QR code may be at inspection. Read-only staff see them.
 */
export function TicketSettingsPage() {
  const { t } = useTranslation('operator');
  usePageTitle(t('ticketSettings.title'));
  const canWrite = useCanWrite();
  const current = useApiQuery<Settings>(PATH);
  const [form, setForm] = useState<Record<Field, string> | null>(null);
  const save = useApiMutation<Settings, Settings>('put', PATH, { invalidates: [PATH] });

  useEffect(() => {
    if (current.data && form === null) {
      setForm({
        movesPerMonth: String(current.data.movesPerMonth),
        freshnessSeconds: String(current.data.freshnessSeconds),
      });
    }
  }, [current.data, form]);

  if (current.error) return <ErrorMessage error={current.error} />;
  if (!form) return <Loading />;

  // A field the server refused is told at the field, with its bounds.
  const refused = new Set(
    ((save.error?.details as { path?: string }[] | undefined) ?? []).map((d) =>
      d.path?.replace(/^body\./, ''),
    ),
  );
  const fieldError = (field: Field) =>
    refused.has(field) ? t(`ticketSettings.${field}Range`, LIMITS[field]) : undefined;

  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate({
      movesPerMonth: Number(form.movesPerMonth),
      freshnessSeconds: Number(form.freshnessSeconds),
    });
  };
  const input = (field: Field) => ({
    value: form[field],
    onChange: (e: { target: { value: string } }) => {
      save.reset();
      setForm({ ...form, [field]: e.target.value });
    },
    type: 'number' as const,
    inputMode: 'numeric' as const,
    min: LIMITS[field].min,
    max: LIMITS[field].max,
    step: 1,
    readOnly: !canWrite,
    error: fieldError(field),
  });

  return (
    <>
      <Heading level={1} data-size="lg">
        {t('ticketSettings.title')}
      </Heading>
      <Paragraph>{t('ticketSettings.intro')}</Paragraph>
      <form className="operator-form operator-narrow" onSubmit={submit} noValidate>
        <Textfield
          label={t('ticketSettings.movesPerMonth')}
          description={t('ticketSettings.movesPerMonthHelp', LIMITS.movesPerMonth)}
          {...input('movesPerMonth')}
        />
        <Textfield
          label={t('ticketSettings.freshnessSeconds')}
          description={t('ticketSettings.freshnessSecondsHelp', LIMITS.freshnessSeconds)}
          {...input('freshnessSeconds')}
        />
        {save.error && refused.size === 0 && <ErrorMessage error={save.error} />}
        {save.isSuccess && <Paragraph role="status">{t('ticketSettings.saved')}</Paragraph>}
        {canWrite && (
          <div>
            <Button type="submit" loading={save.isPending}>
              {t('ticketSettings.save')}
            </Button>
          </div>
        )}
      </form>
    </>
  );
}
