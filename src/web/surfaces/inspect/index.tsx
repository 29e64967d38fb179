import './inspect.css';
import { Route, Routes } from 'react-router';
import { NotFoundPage } from '../../ui/NotFoundPage';
import { InspectPage } from './InspectPage';

/** Mounted by App.tsx at /kontroll/*. */
export function InspectRoutes() {
  return (
    <Routes>
      <Route index element={<InspectPage />} />
      <Route path="*" element={<NotFoundPage />} />
    </Routes>
  );
}
