import { Button, Checkbox, Fieldset, Heading } from '@digdir/designsystemet-react';
import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApiMutation, useApiQuery } from '../../../query';
import { ErrorMessage } from '../../../ui/ErrorMessage';
import { SecondFactorSettings } from '../../../ui/SecondFactor';
import { usePageTitle } from '../../../ui/usePageTitle';
import { useCanWrite } from '../shared/session';

type Policy = { requireSecondFactorStaff: boolean; requireSecondFactorAdmins: boolean };
const PATH = '/api/operator/security-settings';

/**
 * Sikkerhet: the staff member's own authenticator app, and (admin staff) whether a second factor
 * is required for all staff and for all company admins.
 */
export function SecurityPage() {
  const { t } = useTranslation('operator');
  usePageTitle(t('nav.security'));
  const canWrite = useCanWrite();
  const policy = useApiQuery<Policy>(PATH);
  const [draft, setDraft] = useState<Policy | null>(null);
  useEffect(() => {
    if (policy.data) setDraft(policy.data);
  }, [policy.data]);
  const save = useApiMutation<Policy, Policy>('patch', PATH, { invalidates: [PATH] });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (draft) save.mutate(draft);
  };
  return (
    <>
      <Heading level={1} data-size="lg">
        {t('nav.security')}
      </Heading>
      <SecondFactorSettings formClassName="operator-form" />
      <section aria-labelledby="policy-heading">
        <Heading level={2} data-size="md" id="policy-heading">
          {t('security.policyTitle')}
        </Heading>
        <ErrorMessage error={policy.error} />
        {draft && (
          <form onSubmit={submit} className="operator-form">
            <Fieldset>
              <Fieldset.Legend>{t('security.policyLegend')}</Fieldset.Legend>
              <Fieldset.Description>{t('security.policyHelp')}</Fieldset.Description>
              <Checkbox
                label={t('security.requireStaff')}
                checked={draft.requireSecondFactorStaff}
                disabled={!canWrite}
                onChange={(e) => setDraft({ ...draft, requireSecondFactorStaff: e.target.checked })}
              />
              <Checkbox
                label={t('security.requireAdmins')}
                checked={draft.requireSecondFactorAdmins}
                disabled={!canWrite}
                onChange={(e) => setDraft({ ...draft, requireSecondFactorAdmins: e.target.checked })}
              />
            </Fieldset>
            <ErrorMessage error={save.error} />
            {save.isSuccess && !save.isPending && <p role="status">{t('security.saved')}</p>}
            {canWrite && (
              <div>
                <Button type="submit" loading={save.isPending}>
                  {t('security.save')}
                </Button>
              </div>
            )}
          </form>
        )}
      </section>
    </>
  );
}
