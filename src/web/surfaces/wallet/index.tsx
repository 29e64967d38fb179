import { useTranslation } from 'react-i18next';
import { Route, Routes } from 'react-router';
import { NotFoundPage } from '../../ui/NotFoundPage';
import { PlaceholderPage } from '../../ui/PlaceholderPage';

/** Mounted by App.tsx at /billett/*: /billett and /billett/:ticketToken; add this surface's pages as nested routes here. */
export function WalletRoutes() {
  return (
    <Routes>
      <Route index element={<Home />} />
      <Route path=":ticketToken" element={<Home />} />
      <Route path="*" element={<NotFoundPage />} />
    </Routes>
  );
}

function Home() {
  const { t } = useTranslation('wallet');
  return <PlaceholderPage title={t('title')} text={t('placeholder')} />;
}
