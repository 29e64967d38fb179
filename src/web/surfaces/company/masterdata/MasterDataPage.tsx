import { Heading } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import type { MasterDataDto } from '../../../../app/companies/master-data';
import type { MasterDataPatch } from '../../../../app/companies/update-master-data';
import { useApiMutation, useApiQuery } from '../../../query';
import { ErrorMessage } from '../../../ui/ErrorMessage';
import { Loading } from '../../../ui/Loading';
import { MasterDataForm } from '../../../ui/MasterDataForm';
import { usePageTitle } from '../../../ui/usePageTitle';

const PATH = '/api/company/master-data';

/** Bedriftsopplysninger (issue 16 item 5): the company's name and invoice details, audited. */
export function MasterDataPage() {
  const { t } = useTranslation('company');
  usePageTitle(t('nav.masterData'));
  const data = useApiQuery<MasterDataDto>(PATH);
  const save = useApiMutation<MasterDataDto, MasterDataPatch>('patch', PATH, {
    invalidates: [PATH, '/api/company/audit', '/api/company/settings'],
  });
  return (
    <>
      <Heading level={1} data-size="lg">
        {t('nav.masterData')}
      </Heading>
      <ErrorMessage error={data.error} />
      {data.data ? (
        <MasterDataForm
          key={JSON.stringify(data.data)}
          data={data.data}
          onSave={(patch) => save.mutate(patch)}
          pending={save.isPending}
          error={save.error}
          saved={save.isSuccess}
        />
      ) : (
        !data.error && <Loading />
      )}
    </>
  );
}
