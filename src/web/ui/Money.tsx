import { useTranslation } from 'react-i18next';
import { formatMoney, localeOf } from './format';

/** Money in integer øre, formatted for the current language. */
export function Money({ ore }: { ore: number }) {
  const { i18n } = useTranslation();
  return <span className="money">{formatMoney(ore, localeOf(i18n.resolvedLanguage))}</span>;
}
