import { Alert, Paragraph } from '@digdir/designsystemet-react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api';

function errorText(error: unknown, t: TFunction, exists: (key: string) => boolean): string {
  if (error instanceof ApiError) {
    const key = `common:errors.${error.code}`;
    if (exists(key)) return t(key as 'errors.unknown');
    return error.message || t('errors.unknown');
  }
  return t('errors.unknown');
}

/** Shows an error (ApiError or anything thrown) as a Designsystemet alert; nothing if no error. */
export function ErrorMessage({ error }: { error: unknown }) {
  const { t, i18n } = useTranslation();
  if (!error) return null;
  return (
    <Alert data-color="danger" role="alert">
      <Paragraph>{errorText(error, t, (key) => i18n.exists(key))}</Paragraph>
    </Alert>
  );
}
