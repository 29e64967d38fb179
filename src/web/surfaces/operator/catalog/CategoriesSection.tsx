import { Button, Heading, Table, Textfield } from '@digdir/designsystemet-react';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApiMutation } from '../../../query';
import { ErrorMessage } from '../../../ui/ErrorMessage';
import { NamedRow } from './NamedRow';
import { CATALOG_PATH, type OperatorCatalog } from './types';

const invalidates = [CATALOG_PATH, '/api/catalog'];

/** Traveller categories (Barn, Ungdom, Voksen …): add, rename, deactivate. */
export function CategoriesSection({ catalog, canWrite }: { catalog: OperatorCatalog; canWrite: boolean }) {
  const { t } = useTranslation('operator');
  const [form, setForm] = useState({ name: '', nameEn: '' });
  const add = useApiMutation<unknown, { name: string; nameEn: string }>(
    'post',
    '/api/operator/catalog/categories',
    {
      invalidates,
      onSuccess: () => setForm({ name: '', nameEn: '' }),
    },
  );
  const update = useApiMutation<unknown, { id: string; name?: string; nameEn?: string; active?: boolean }>(
    'patch',
    (v) => `/api/operator/catalog/categories/${encodeURIComponent(v.id)}`,
    { invalidates },
  );
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (form.name.trim() && form.nameEn.trim())
      add.mutate({ name: form.name.trim(), nameEn: form.nameEn.trim() });
  };
  return (
    <section className="operator-stack" aria-labelledby="categories">
      <Heading level={2} data-size="sm" id="categories">
        {t('categories.title')}
      </Heading>
      <ErrorMessage error={update.error} />
      <div className="operator-table-wrap">
        <Table data-size="sm" zebra>
          <Table.Head>
            <Table.Row>
              <Table.HeaderCell>{t('zones.id')}</Table.HeaderCell>
              <Table.HeaderCell>{t('categories.name')}</Table.HeaderCell>
              <Table.HeaderCell>{t('categories.nameEn')}</Table.HeaderCell>
              <Table.HeaderCell>{t('zones.status')}</Table.HeaderCell>
              {canWrite && <Table.HeaderCell>{t('zones.actions')}</Table.HeaderCell>}
            </Table.Row>
          </Table.Head>
          <Table.Body>
            {catalog.categories.map((c) => (
              <NamedRow
                key={c.id}
                item={{
                  id: c.id,
                  active: c.active,
                  names: [
                    { key: 'name', label: t('categories.name'), value: c.name },
                    { key: 'nameEn', label: t('categories.nameEn'), value: c.nameEn },
                  ],
                }}
                canWrite={canWrite}
                busy={update.isPending}
                onSave={(names) => update.mutate({ id: c.id, name: names.name, nameEn: names.nameEn })}
                onToggle={() => update.mutate({ id: c.id, active: !c.active })}
              />
            ))}
          </Table.Body>
        </Table>
      </div>
      {canWrite && (
        <form className="operator-actions" onSubmit={submit}>
          <Textfield
            label={t('categories.name')}
            value={form.name}
            onChange={(e) => setForm({ ...form, name: e.target.value })}
            required
          />
          <Textfield
            label={t('categories.nameEn')}
            value={form.nameEn}
            onChange={(e) => setForm({ ...form, nameEn: e.target.value })}
            required
          />
          <Button type="submit" loading={add.isPending}>
            {t('categories.add')}
          </Button>
        </form>
      )}
      <ErrorMessage error={add.error} />
    </section>
  );
}
