/** GET /api/tickets/{ticketAccessToken} (src/http/routes/tickets.ts): the server's own type. */
export type { TicketDto as Ticket } from '../../../app/tickets/get-ticket';
