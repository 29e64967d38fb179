/** GET /api/tickets/{ticketAccessToken} (src/http/routes/tickets.ts). */
export interface Ticket {
  status: 'upcoming' | 'valid' | 'ended';
  validFrom: string;
  validTo: string | null;
  holder: { firstName: string; lastName: string };
  zoneIds: string[];
  categoryId: string;
  credential: string;
  credentialValidFrom: string;
  credentialValidTo: string | null;
  startDate: string;
  endDate: string | null;
  companyName: string;
  category: { id: string; name: string; nameEn: string };
  zones: { id: string; name: string }[];
}
