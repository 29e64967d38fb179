import { useTranslation } from 'react-i18next';
import { Route, Routes } from 'react-router';
import { NotFoundPage } from '../../ui/NotFoundPage';
import { PlaceholderPage } from '../../ui/PlaceholderPage';

/** Mounted by App.tsx at /bedrift/*; add this surface's pages as nested routes here. */
export function CompanyRoutes() {
  return (
    <Routes>
      <Route index element={<Home />} />
      <Route path="*" element={<NotFoundPage />} />
    </Routes>
  );
}

function Home() {
  const { t } = useTranslation('company');
  return <PlaceholderPage title={t('title')} text={t('placeholder')} />;
}
