import { Alert, Button, Field, Heading, Input, Label, Paragraph } from '@digdir/designsystemet-react';
import { type ChangeEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink } from 'react-router';
import { useApiMutation } from '../../../query';
import { ErrorMessage } from '../../../ui/ErrorMessage';
import { SuccessMessage } from '../../../ui/SuccessMessage';
import { usePageTitle } from '../../../ui/usePageTitle';
import { ImportPreview } from './ImportPreview';
import { type ImportFile, readImportFile } from './readFile';
import type { ImportBody, ImportResult } from './types';

/**
 * Bulk add, update and end from CSV/XLSX: a dry run shows every row's errors or what it will do;
 * the import is all or nothing.
 */
export function ImportPage() {
  const { t } = useTranslation('company');
  usePageTitle(t('import.title'));
  const [file, setFile] = useState<ImportFile | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const preview = useApiMutation<ImportResult, ImportBody>('post', '/api/company/subscriptions/import');
  const run = useApiMutation<ImportResult, ImportBody>('post', '/api/company/subscriptions/import', {
    invalidates: ['/api/company/'],
  });
  const choose = async (e: ChangeEvent<HTMLInputElement>) => {
    const chosen = e.target.files?.[0];
    preview.reset();
    run.reset();
    setFile(null);
    setFileError(null);
    if (!chosen) return;
    const read = await readImportFile(chosen);
    if (!read) {
      setFileError(t('import.wrongType'));
      return;
    }
    setFile(read);
    preview.mutate({ ...read.body, dryRun: true });
  };
  const rows = preview.data?.rows ?? [];
  const okRows = rows.filter((r) => r.errors.length === 0).length;
  const allOk = rows.length > 0 && okRows === rows.length;
  const step = run.isSuccess ? 3 : preview.isSuccess ? 2 : 1;
  return (
    <>
      <Heading level={1} data-size="lg">
        {t('import.title')}
      </Heading>
      <Paragraph>{t('import.intro')}</Paragraph>
      <pre className="company-code">{t('import.example')}</pre>
      <Paragraph data-size="sm">{t('import.columns')}</Paragraph>
      <Paragraph aria-live="polite">
        <strong>{t('import.step', { step, count: 3 })}</strong> {t(`import.steps.${step}`)}
      </Paragraph>
      <div className="company-form">
        <Field>
          <Label>{t('import.file')}</Label>
          <Field.Description>{t('import.fileHelp')}</Field.Description>
          <Input
            type="file"
            accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            onChange={(e) => void choose(e)}
            disabled={run.isPending}
          />
        </Field>
        {fileError && (
          <Alert data-color="danger" role="alert">
            <Paragraph>{fileError}</Paragraph>
          </Alert>
        )}
      </div>
      {(preview.isPending || run.isPending) && (
        <div className="company-stack">
          <label htmlFor="import-progress">
            {preview.isPending ? t('import.checking') : t('import.importing')}
          </label>
          <progress id="import-progress" />
        </div>
      )}
      <ErrorMessage error={preview.error ?? run.error} />
      {run.isSuccess ? (
        <SuccessMessage>
          <Paragraph>{t('import.done', { count: run.data.items.length })}</Paragraph>
          {run.data.rows.some((r) => r.action === 'update') && (
            <Paragraph>
              {t('import.updated', { count: run.data.rows.filter((r) => r.action === 'update').length })}
            </Paragraph>
          )}
          <Paragraph>
            <Button asChild variant="secondary" data-size="sm">
              <RouterLink to="/bedrift/abonnementer">{t('dashboard.allSubscriptions')}</RouterLink>
            </Button>
          </Paragraph>
        </SuccessMessage>
      ) : (
        preview.isSuccess &&
        file && (
          <>
            <ImportPreview fileName={file.name} rows={rows} encoding={preview.data.encoding} />
            {allOk ? (
              <div className="company-buttons">
                <Button loading={run.isPending} onClick={() => run.mutate({ ...file.body, dryRun: false })}>
                  {t('import.submit', { count: rows.length })}
                </Button>
              </div>
            ) : (
              <Alert data-color="warning">
                <Paragraph>{t('import.fixFirst', { count: rows.length - okRows })}</Paragraph>
              </Alert>
            )}
          </>
        )
      )}
    </>
  );
}
