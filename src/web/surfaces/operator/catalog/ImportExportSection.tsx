import {
  Alert,
  Button,
  Field,
  Heading,
  Input,
  Label,
  Link,
  List,
  Paragraph,
} from '@digdir/designsystemet-react';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../api';
import { fileBase64 } from '../../../file-bytes';
import { useApiMutation } from '../../../query';
import { ErrorMessage } from '../../../ui/ErrorMessage';
import { SuccessMessage } from '../../../ui/SuccessMessage';
import { CATALOG_PATH } from './types';

const FILES = ['areas.txt', 'rider_categories.txt', 'fare_products.txt'] as const;
type FileName = (typeof FILES)[number];
type ImportError = {
  file: string;
  row: number | null;
  column: string | null;
  problem: string;
  value?: string;
};

/** Export as GTFS-Fares-v2-shaped CSV files, and import them back (checked row by row, all or nothing). */
export function ImportExportSection({ canWrite }: { canWrite: boolean }) {
  const { t } = useTranslation('operator');
  const [files, setFiles] = useState<Partial<Record<FileName, string>>>({});
  const run = useApiMutation<
    { zones: number; categories: number; prices: number; encodings: Partial<Record<FileName, string>> },
    { filesBase64: Partial<Record<FileName, string>> }
  >('post', '/api/operator/catalog/import', { invalidates: [CATALOG_PATH, '/api/catalog'] });
  const rowErrors =
    run.error instanceof ApiError && run.error.code === 'IMPORT_INVALID'
      ? ((run.error.details as { errors?: ImportError[] } | undefined)?.errors ?? [])
      : [];
  const describeError = (e: ImportError) =>
    [
      e.file,
      e.row === null ? null : t('import.row', { row: e.row }),
      e.column === null ? null : t('import.column', { column: e.column }),
    ]
      .filter(Boolean)
      .join(', ') +
    `: ${t(`import.problems.${e.problem}` as 'import.problems.required', { value: e.value ?? '' })}`;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    run.mutate({ filesBase64: files });
  };
  return (
    <section className="operator-stack" aria-labelledby="import-export">
      <Heading level={2} data-size="sm" id="import-export">
        {t('import.title')}
      </Heading>
      <Paragraph>{t('import.intro')}</Paragraph>
      <List.Unordered>
        {FILES.map((f) => (
          <List.Item key={f}>
            <Link href={`/api/operator/catalog/export/${f}`} download={f}>
              {t('import.download', { file: f })}
            </Link>
          </List.Item>
        ))}
      </List.Unordered>
      {canWrite && (
        <form className="operator-form" onSubmit={submit}>
          {FILES.map((f) => (
            <Field key={f}>
              <Label>{f}</Label>
              <Input
                type="file"
                accept=".txt,.csv,text/csv,text/plain"
                onChange={async (e) => {
                  const file = e.target.files?.[0];
                  // The bytes go to the server, which detects the encoding (never file.text()).
                  const bytes = file ? await fileBase64(file) : undefined;
                  setFiles((prev) => ({ ...prev, [f]: bytes }));
                }}
              />
            </Field>
          ))}
          <div>
            <Button type="submit" loading={run.isPending}>
              {t('import.submit')}
            </Button>
          </div>
        </form>
      )}
      {rowErrors.length > 0 ? (
        <Alert data-color="danger" role="alert">
          <Heading level={3} data-size="2xs">
            {t('import.failed')}
          </Heading>
          <List.Unordered>
            {rowErrors.map((e) => (
              <List.Item key={`${e.file}|${e.row}|${e.column}|${e.problem}|${e.value}`}>
                {describeError(e)}
              </List.Item>
            ))}
          </List.Unordered>
        </Alert>
      ) : (
        <ErrorMessage error={run.error} />
      )}
      {run.data && (
        <SuccessMessage>
          <Paragraph>{t('import.done', run.data)}</Paragraph>
          <Paragraph data-size="sm">
            {t('import.encodings', {
              list: Object.entries(run.data.encodings)
                .map(([file, encoding]) => `${file}: ${encoding}`)
                .join(', '),
            })}
          </Paragraph>
        </SuccessMessage>
      )}
    </section>
  );
}
