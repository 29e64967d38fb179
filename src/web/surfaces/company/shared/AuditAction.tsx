import { useTranslation } from 'react-i18next';

/** An audit action code ('subscription.approved') in words; unknown codes are shown as they are. */
export function useAuditActionText() {
  const { t, i18n } = useTranslation('company');
  return (action: string) => {
    const key = `company:auditActions.${action.replaceAll('.', '_')}`;
    return i18n.exists(key) ? t(key as 'auditActions.unknown') : action;
  };
}
