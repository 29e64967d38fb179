import { useTranslation } from 'react-i18next';
import { Route, Routes } from 'react-router';
import { NotFoundPage } from '../../ui/NotFoundPage';
import { PlaceholderPage } from '../../ui/PlaceholderPage';

/** Mounted by App.tsx at /bestill/:orderToken/* (read the token with useParams()); add this surface's pages as nested routes here. */
export function OrderRoutes() {
  return (
    <Routes>
      <Route index element={<Home />} />
      <Route path="*" element={<NotFoundPage />} />
    </Routes>
  );
}

function Home() {
  const { t } = useTranslation('order');
  return <PlaceholderPage title={t('title')} text={t('placeholder')} />;
}
