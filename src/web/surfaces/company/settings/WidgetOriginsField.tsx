import { Textfield } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';

/**
 * Issue 12.8: the web sites (origins, one per line) whose pages may show the order form as a
 * widget; every other site is refused by the browser (CSP frame-ancestors).
 */
export function WidgetOriginsField({ value, onChange }: { value: string; onChange: (v: string) => void }) {
  const { t } = useTranslation('company');
  return (
    <Textfield
      label={t('settings.widgetOrigins.label')}
      description={t('settings.widgetOrigins.help')}
      multiline
      rows={3}
      value={value}
      spellCheck={false}
      autoComplete="off"
      onChange={(e) => onChange(e.target.value)}
    />
  );
}
