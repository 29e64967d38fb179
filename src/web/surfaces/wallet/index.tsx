import './wallet.css';
import { Route, Routes } from 'react-router';
import { NotFoundPage } from '../../ui/NotFoundPage';
import { TicketList } from './TicketList';
import { TicketPage } from './TicketPage';

/** Mounted by App.tsx at /billett/*: the saved tickets, and one ticket by the SMS link's token. */
export function WalletRoutes() {
  return (
    <Routes>
      <Route index element={<TicketList />} />
      <Route path=":ticketToken" element={<TicketPage />} />
      <Route path="*" element={<NotFoundPage />} />
    </Routes>
  );
}
