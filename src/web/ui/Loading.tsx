import { Spinner } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';

/** A spinner with an accessible label (default: "Laster …"). */
export function Loading({ label }: { label?: string }) {
  const { t } = useTranslation();
  return (
    <div className="loading" role="status">
      <Spinner aria-label={label ?? t('loading')} data-size="md" />
    </div>
  );
}
