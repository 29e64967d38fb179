import { Field, Label, Select, ValidationMessage } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import type { DepartmentDto } from '../../../../app/departments/department-dto';
import { useApiQuery } from '../../../query';

/**
 * Issue 16 item 3: the company's departments as a native select ('' = none); shown only when the
 * company has departments. `filter` makes it a list filter (all / none / one).
 */
export function DepartmentSelect(props: {
  value: string;
  onChange: (departmentId: string) => void;
  label?: string;
  filter?: boolean;
  error?: string;
}) {
  const { t } = useTranslation('company');
  const list = useApiQuery<{ items: DepartmentDto[] }>('/api/company/departments');
  const items = list.data?.items ?? [];
  if (items.length === 0) return null;
  return (
    <Field>
      <Label>{props.label ?? t('departments.choose')}</Label>
      <Select value={props.value} onChange={(e) => props.onChange(e.target.value)}>
        <Select.Option value="">
          {props.filter ? t('departments.all') : t('departments.noneOption')}
        </Select.Option>
        {props.filter && <Select.Option value="none">{t('departments.noneOption')}</Select.Option>}
        {items.map((d) => (
          <Select.Option key={d.id} value={d.id}>
            {d.name}
          </Select.Option>
        ))}
      </Select>
      {props.error && <ValidationMessage>{props.error}</ValidationMessage>}
    </Field>
  );
}
