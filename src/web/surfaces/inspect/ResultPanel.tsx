import { Alert, Heading, Paragraph } from '@digdir/designsystemet-react';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime, localeOf } from '../../ui/format';
import type { CheckResult } from './check';
import type { InspectionData } from './keys';

/** Valid or invalid with the reason, then who and where the ticket is for. */
export function ResultPanel({ result, data }: { result: CheckResult; data: InspectionData }) {
  const { t, i18n } = useTranslation('inspect');
  const locale = localeOf(i18n.resolvedLanguage);
  const claims = result.claims;
  const category = claims ? data.categories[claims.categoryId] : undefined;
  const ref = useRef<HTMLDivElement>(null);
  // Issue 15.6: after "Sjekk billett" the keyboard lands on the verdict, not on <body>.
  // biome-ignore lint/correctness/useExhaustiveDependencies: each new verdict takes the focus
  useEffect(() => {
    ref.current?.focus();
  }, [result]);
  return (
    <Alert data-color={result.valid ? 'success' : 'danger'} ref={ref} tabIndex={-1}>
      <Heading level={2} data-size="sm">
        {result.valid ? t('result.valid') : t('result.invalid')}
      </Heading>
      {result.reason && <Paragraph>{t(`reason.${result.reason}`)}</Paragraph>}
      {claims && (
        <dl className="inspect-details">
          <dt>{t('result.holder')}</dt>
          <dd>
            {claims.holder.firstName} {claims.holder.lastName}
          </dd>
          <dt>{t('result.zones')}</dt>
          <dd>{claims.zoneIds.map((id) => data.zones[id] ?? id).join(', ')}</dd>
          <dt>{t('result.category')}</dt>
          <dd>
            {category
              ? i18n.resolvedLanguage === 'en'
                ? category.nameEn
                : category.name
              : claims.categoryId}
          </dd>
          <dt>{t('result.period')}</dt>
          <dd>
            {result.validFrom && result.validTo
              ? `${formatDateTime(result.validFrom.toISOString(), locale)} – ${formatDateTime(result.validTo.toISOString(), locale)}`
              : ''}
          </dd>
        </dl>
      )}
      {claims && (
        <Paragraph data-size="sm">{result.online ? t('result.online') : t('result.offlineOnly')}</Paragraph>
      )}
    </Alert>
  );
}
