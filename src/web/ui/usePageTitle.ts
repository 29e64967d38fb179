import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';

/** Sets document.title to "<title> – Bedriftsbillett" (or just the product name). */
export function usePageTitle(title?: string): void {
  const { t } = useTranslation();
  const appName = t('appName');
  useEffect(() => {
    document.title = title && title !== appName ? `${title} – ${appName}` : appName;
  }, [title, appName]);
}
