import { Heading, Paragraph, Table, Tag } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { isIsoDate } from '../../../../domain/calendar';
import { formatPhone } from '../../../../domain/phone-format';
import { DateText } from '../../../ui/DateText';
import { useCatalog } from '../shared/useCatalog';
import type { ImportResult, ImportRow } from './types';

/** What an accepted row does: a new subscription, which changes to the current one, or nothing. */
function RowAction({ row }: { row: ImportRow }) {
  const { t } = useTranslation('company');
  if (row.action === 'unchanged')
    return (
      <Tag data-color="neutral" data-size="sm">
        {t('import.action.unchanged')}
      </Tag>
    );
  if (row.action === 'create')
    return (
      <Tag data-color="success" data-size="sm">
        {t('import.action.create')}
      </Tag>
    );
  return (
    <Tag data-color="info" data-size="sm">
      {t('import.action.update', {
        changes: row.changes.map((c) => t(`import.changes.${c}`)).join(', '),
      })}
    </Tag>
  );
}

/** The dry run's verdict on every row of the file: its errors, or what it will do. */
export function ImportPreview({
  fileName,
  rows,
  encoding,
}: {
  fileName: string;
  rows: ImportRow[];
  encoding: ImportResult['encoding'];
}) {
  const { t } = useTranslation('company');
  const { zoneNames, categoryName } = useCatalog();
  const title = t('import.preview', { file: fileName, count: rows.length });
  return (
    <section aria-labelledby="import-preview-heading" className="company-stack">
      <Heading level={2} data-size="sm" id="import-preview-heading">
        {title}
      </Heading>
      {encoding && <Paragraph data-size="sm">{t('import.encoding', { encoding })}</Paragraph>}
      <div className="company-table-wrap">
        <Table zebra>
          <caption className="company-visually-hidden">{title}</caption>
          <Table.Head>
            <Table.Row>
              <Table.HeaderCell>{t('import.row')}</Table.HeaderCell>
              <Table.HeaderCell>{t('columns.name')}</Table.HeaderCell>
              <Table.HeaderCell>{t('columns.phone')}</Table.HeaderCell>
              <Table.HeaderCell>{t('columns.ticket')}</Table.HeaderCell>
              <Table.HeaderCell>{t('columns.start')}</Table.HeaderCell>
              <Table.HeaderCell>{t('import.fields.endDate')}</Table.HeaderCell>
              <Table.HeaderCell>{t('import.result')}</Table.HeaderCell>
            </Table.Row>
          </Table.Head>
          <Table.Body>
            {rows.map((r) => (
              <Table.Row key={r.line}>
                <Table.Cell>{r.line}</Table.Cell>
                <Table.Cell>
                  {r.firstName} {r.lastName}
                </Table.Cell>
                <Table.Cell>{formatPhone(r.phone)}</Table.Cell>
                <Table.Cell>
                  {categoryName(r.categoryId)} · {zoneNames(r.zoneIds)}
                </Table.Cell>
                <Table.Cell>
                  {r.action === 'create' ? (
                    isIsoDate(r.startDate) ? (
                      <DateText date={r.startDate} />
                    ) : (
                      r.startDate
                    )
                  ) : (
                    <>
                      <span aria-hidden="true">–</span>
                      <span className="company-visually-hidden">{t('import.startKept')}</span>
                    </>
                  )}
                </Table.Cell>
                <Table.Cell>
                  {r.endDate === null ? (
                    '–'
                  ) : isIsoDate(r.endDate) ? (
                    <DateText date={r.endDate} />
                  ) : (
                    r.endDate
                  )}
                </Table.Cell>
                <Table.Cell>
                  {r.errors.length === 0 ? (
                    <RowAction row={r} />
                  ) : (
                    <ul className="company-row-errors">
                      {r.errors.map((e) => (
                        <li key={`${e.field}-${e.code}`}>
                          {t(`import.fields.${e.field}` as 'import.fields.phone', { defaultValue: e.field })}:{' '}
                          {e.message}
                        </li>
                      ))}
                    </ul>
                  )}
                </Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      </div>
    </section>
  );
}
