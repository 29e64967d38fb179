import { Button, Heading, Paragraph, Table, Textfield } from '@digdir/designsystemet-react';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApiMutation } from '../../../query';
import { ErrorMessage } from '../../../ui/ErrorMessage';
import { NamedRow } from './NamedRow';
import { CATALOG_PATH, type OperatorCatalog } from './types';

const invalidates = [CATALOG_PATH, '/api/catalog'];

/** Zones (one per municipality): add, rename, deactivate; delete only one never used. */
export function ZonesSection({ catalog, canWrite }: { catalog: OperatorCatalog; canWrite: boolean }) {
  const { t } = useTranslation('operator');
  const [name, setName] = useState('');
  const add = useApiMutation<unknown, { name: string }>('post', '/api/operator/catalog/zones', {
    invalidates,
    onSuccess: () => setName(''),
  });
  const update = useApiMutation<unknown, { id: string; name?: string; active?: boolean }>(
    'patch',
    (v) => `/api/operator/catalog/zones/${encodeURIComponent(v.id)}`,
    { invalidates },
  );
  const remove = useApiMutation<unknown, { id: string }>(
    'delete',
    (v) => `/api/operator/catalog/zones/${encodeURIComponent(v.id)}`,
    {
      invalidates,
    },
  );
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (name.trim()) add.mutate({ name: name.trim() });
  };
  return (
    <section className="operator-stack" aria-labelledby="zones">
      <Heading level={2} data-size="sm" id="zones">
        {t('zones.title')}
      </Heading>
      <Paragraph data-size="sm">{t('zones.intro')}</Paragraph>
      <ErrorMessage error={update.error ?? remove.error} />
      <div className="operator-table-wrap">
        <Table data-size="sm" zebra>
          <Table.Head>
            <Table.Row>
              <Table.HeaderCell>{t('zones.id')}</Table.HeaderCell>
              <Table.HeaderCell>{t('zones.name')}</Table.HeaderCell>
              <Table.HeaderCell>{t('zones.status')}</Table.HeaderCell>
              {canWrite && <Table.HeaderCell>{t('zones.actions')}</Table.HeaderCell>}
            </Table.Row>
          </Table.Head>
          <Table.Body>
            {catalog.zones.map((z) => (
              <NamedRow
                key={z.id}
                item={{
                  id: z.id,
                  active: z.active,
                  names: [{ key: 'name', label: t('zones.name'), value: z.name }],
                }}
                canWrite={canWrite}
                busy={update.isPending}
                onSave={(names) => update.mutate({ id: z.id, name: names.name })}
                onToggle={() => update.mutate({ id: z.id, active: !z.active })}
                onDelete={() => remove.mutate({ id: z.id })}
              />
            ))}
          </Table.Body>
        </Table>
      </div>
      {canWrite && (
        <form className="operator-actions" onSubmit={submit}>
          <Textfield
            label={t('zones.newName')}
            value={name}
            onChange={(e) => setName(e.target.value)}
            required
          />
          <Button type="submit" loading={add.isPending}>
            {t('zones.add')}
          </Button>
        </form>
      )}
      <ErrorMessage error={add.error} />
    </section>
  );
}
