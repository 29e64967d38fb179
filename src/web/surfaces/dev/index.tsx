import { Route, Routes } from 'react-router';
import { NotFoundPage } from '../../ui/NotFoundPage';
import { OutboxPage } from './OutboxPage';

/** Development helpers, mounted by App.tsx at /dev/*. */
export function DevRoutes() {
  return (
    <Routes>
      <Route path="meldinger" element={<OutboxPage />} />
      <Route path="*" element={<NotFoundPage />} />
    </Routes>
  );
}
