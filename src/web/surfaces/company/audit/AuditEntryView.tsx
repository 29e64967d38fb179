import { useTranslation } from 'react-i18next';
import { AppLink } from '../../../ui/AppLink';
import { formatDateTime, localeOf } from '../../../ui/format';
import type { AuditEntry } from './types';

/** One audit entry: when, the sentence, a link to the employee and the before → after of each field. */
export function AuditEntryView({ entry: e }: { entry: AuditEntry }) {
  const { t, i18n } = useTranslation('company');
  const locale = localeOf(i18n.resolvedLanguage);
  return (
    <article className="company-audit-entry">
      <p>
        <time dateTime={e.at}>{formatDateTime(e.at, locale)}</time>
        {' · '}
        <span>{e.sentence}</span>
        {e.subject && (
          <>
            {' · '}
            <AppLink to={`/bedrift/abonnementer/${e.subject.subscriptionId}`}>
              {t('audit.openEmployee', { name: e.subject.name })}
            </AppLink>
          </>
        )}
      </p>
      {e.changes.length > 0 && (
        <dl className="company-audit-changes">
          {e.changes.map((c) => (
            <div key={c.label}>
              <dt>{c.label}</dt>
              <dd>
                {c.before} → {c.after}
              </dd>
            </div>
          ))}
        </dl>
      )}
    </article>
  );
}
