import { useTranslation } from 'react-i18next';
import { formatDate, localeOf } from './format';

/** A calendar date 'YYYY-MM-DD' in words, e.g. "1. mars 2027". */
export function DateText({ date, lang }: { date: string; lang?: 'nb' | 'en' }) {
  const { i18n } = useTranslation();
  return <time dateTime={date}>{formatDate(date, localeOf(lang ?? i18n.resolvedLanguage))}</time>;
}
