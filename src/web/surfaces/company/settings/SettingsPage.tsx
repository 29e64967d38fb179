import { Button, ErrorSummary, Heading, Paragraph } from '@digdir/designsystemet-react';
import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApiMutation, useApiQuery } from '../../../query';
import { ErrorMessage } from '../../../ui/ErrorMessage';
import { Loading } from '../../../ui/Loading';
import { SuccessMessage } from '../../../ui/SuccessMessage';
import { usePageTitle } from '../../../ui/usePageTitle';
import type { Settings } from '../types';
import { draftOf, draftProblems, patchOf, type SettingsDraft } from './draft';
import { OrderFormBuilder } from './OrderFormBuilder';
import { OrderFormPreview } from './OrderFormPreview';
import { SelfServiceFields } from './SelfServiceFields';
import { SubsidyFields } from './SubsidyFields';
import { WidgetOriginsField } from './WidgetOriginsField';

/** Innstillinger: self-service, subsidy, the order form and the terms, with a live preview. */
export function SettingsPage() {
  const { t } = useTranslation('company');
  usePageTitle(t('settings.title'));
  const query = useApiQuery<Settings>('/api/company/settings');
  const [draft, setDraft] = useState<SettingsDraft | null>(null);
  const [showErrors, setShowErrors] = useState(false);
  const [saved, setSaved] = useState(false);
  useEffect(() => {
    if (query.data && draft === null) setDraft(draftOf(query.data));
  }, [query.data, draft]);
  const save = useApiMutation<Settings, ReturnType<typeof patchOf>>('patch', '/api/company/settings', {
    invalidates: ['/api/company/'],
    onSuccess: (settings) => {
      setDraft(draftOf(settings));
      setSaved(true);
      setShowErrors(false);
    },
  });
  if (query.isPending) return <Loading />;
  if (!draft) return <ErrorMessage error={query.error} />;
  const set = (patch: Partial<SettingsDraft>) => {
    setSaved(false);
    setDraft((d) => (d ? { ...d, ...patch } : d));
  };
  const problems = draftProblems(draft);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setShowErrors(true);
    if (problems.length === 0 && !save.isPending) save.mutate(patchOf(draft));
  };
  return (
    <>
      <Heading level={1} data-size="lg">
        {t('settings.title')}
      </Heading>
      <div className="company-settings">
        <form onSubmit={submit} className="company-stack" noValidate>
          <SelfServiceFields value={draft.selfService} onChange={(selfService) => set({ selfService })} />
          <SubsidyFields
            value={draft.subsidy}
            onChange={(subsidy) => set({ subsidy })}
            showError={showErrors}
          />
          <OrderFormBuilder draft={draft} set={set} showErrors={showErrors} />
          <WidgetOriginsField
            value={draft.widgetOriginsText}
            onChange={(widgetOriginsText) => set({ widgetOriginsText })}
          />
          {showErrors && problems.length > 0 && (
            <ErrorSummary>
              <ErrorSummary.Heading>{t('settings.problems')}</ErrorSummary.Heading>
              <ErrorSummary.List>
                {problems.map((p) => (
                  <ErrorSummary.Item key={p}>{t(p as 'zones.required')}</ErrorSummary.Item>
                ))}
              </ErrorSummary.List>
            </ErrorSummary>
          )}
          <ErrorMessage error={save.error} />
          {saved && (
            <SuccessMessage>
              <Paragraph>{t('settings.saved')}</Paragraph>
            </SuccessMessage>
          )}
          <div className="company-buttons">
            <Button type="submit" loading={save.isPending}>
              {t('settings.save')}
            </Button>
          </div>
        </form>
        <OrderFormPreview draft={draft} />
      </div>
    </>
  );
}
