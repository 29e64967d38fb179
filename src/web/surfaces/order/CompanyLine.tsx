import { Paragraph } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';

/** The company the order link belongs to, above each page's heading. */
export function CompanyLine({ name }: { name: string }) {
  const { t } = useTranslation('order');
  return (
    <Paragraph data-size="sm" className="order-company">
      {t('companyTicketAt', { company: name })}
    </Paragraph>
  );
}
