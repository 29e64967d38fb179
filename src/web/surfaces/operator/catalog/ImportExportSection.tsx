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
import { useFocusOnShow } from '../../../ui/useFocusOnShow';
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

type Named = { added: string[]; changed: string[]; deactivated: string[] };
type ImportResult = {
  dryRun: boolean;
  zones: number;
  categories: number;
  prices: number;
  encodings: Partial<Record<FileName, string>>;
  changes: {
    zones: Named;
    categories: Named;
    prices: { added: number; changed: number; removed: number };
  } | null;
  errors: ImportError[];
};
type ImportBody = { filesBase64: Partial<Record<FileName, string>>; dryRun: boolean };

/**
 * Export as GTFS-Fares-v2-shaped CSV files, and import them back: first a preview (a dry run:
 * the encoding each file was read in, what is added, changed and deactivated, or the row errors),
 * then the import when the operator confirms (all or nothing).
 */
export function ImportExportSection({ canWrite }: { canWrite: boolean }) {
  const { t } = useTranslation('operator');
  const [files, setFiles] = useState<Partial<Record<FileName, string>>>({});
  const preview = useApiMutation<ImportResult, ImportBody>('post', '/api/operator/catalog/import');
  // The preview's heading takes the focus once the preview is on the page.
  const previewHeading = useFocusOnShow<HTMLHeadingElement>(preview.data);
  const run = useApiMutation<ImportResult, ImportBody>('post', '/api/operator/catalog/import', {
    invalidates: [CATALOG_PATH, '/api/catalog'],
    onSuccess: () => preview.reset(),
  });
  const rowErrors =
    preview.data && preview.data.errors.length > 0
      ? preview.data.errors
      : run.error instanceof ApiError && run.error.code === 'IMPORT_INVALID'
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
  const submitPreview = (e: FormEvent) => {
    e.preventDefault();
    run.reset();
    preview.mutate({ filesBase64: files, dryRun: true });
  };
  const changes = preview.data?.changes ?? null;
  const namedLines = (named: Named) =>
    (['added', 'changed', 'deactivated'] as const)
      .filter((k) => named[k].length > 0)
      .map((k) => (
        <List.Item key={k}>
          {t(`import.${k}`, { count: named[k].length, list: named[k].join(', ') })}
        </List.Item>
      ));
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
        <form className="operator-form" onSubmit={submitPreview}>
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
                  preview.reset();
                  setFiles((prev) => ({ ...prev, [f]: bytes }));
                }}
              />
            </Field>
          ))}
          <div>
            <Button type="submit" variant="secondary" loading={preview.isPending}>
              {t('import.previewSubmit')}
            </Button>
          </div>
        </form>
      )}
      {preview.data && (
        <div className="operator-stack">
          <Heading level={3} data-size="xs" ref={previewHeading} tabIndex={-1}>
            {t('import.previewTitle')}
          </Heading>
          <List.Unordered>
            {Object.entries(preview.data.encodings).map(([file, encoding]) => (
              <List.Item key={file}>{t('import.readAs', { file, encoding })}</List.Item>
            ))}
          </List.Unordered>
          {changes && (
            <>
              {(['zones', 'categories'] as const).map((kind) => (
                <div key={kind}>
                  <Heading level={4} data-size="2xs">
                    {t(`import.${kind}`)}
                  </Heading>
                  {namedLines(changes[kind]).length > 0 ? (
                    <List.Unordered>{namedLines(changes[kind])}</List.Unordered>
                  ) : (
                    <Paragraph data-size="sm">{t('import.none')}</Paragraph>
                  )}
                </div>
              ))}
              <Paragraph>{t('import.prices', changes.prices)}</Paragraph>
              <div>
                <Button
                  type="button"
                  loading={run.isPending}
                  onClick={() => run.mutate({ filesBase64: files, dryRun: false })}
                >
                  {t('import.confirm')}
                </Button>
              </div>
            </>
          )}
        </div>
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
        <ErrorMessage error={preview.error ?? run.error} />
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
