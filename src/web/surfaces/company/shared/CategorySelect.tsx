import { Field, Label, Select } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { useCatalog } from './useCatalog';

type Props = {
  value: string;
  onChange: (categoryId: string) => void;
  offered?: string[] | null;
  exclude?: string;
  label?: string;
};

/** The traveller category (reisendekategori) as a native select. */
export function CategorySelect({ value, onChange, offered, exclude, label }: Props) {
  const { t } = useTranslation('company');
  const { categories, categoryName } = useCatalog();
  const options = categories.filter(
    (c) => c.active && c.id !== exclude && (!offered || offered.includes(c.id)),
  );
  return (
    <Field>
      <Label>{label ?? t('category.label')}</Label>
      <Select value={value} onChange={(e) => onChange(e.target.value)} required>
        <Select.Option value="" disabled>
          {t('category.choose')}
        </Select.Option>
        {options.map((c) => (
          <Select.Option key={c.id} value={c.id}>
            {categoryName(c.id)}
          </Select.Option>
        ))}
      </Select>
    </Field>
  );
}
