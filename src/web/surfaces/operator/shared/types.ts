export type OperatorCompany = {
  id: string;
  orgNumber: string;
  name: string;
  status: 'active' | 'deactivated';
  invoiceAddress: {
    street: string;
    postalCode: string;
    city: string;
    email?: string;
    reference?: string;
  } | null;
  selfService: 'disabled' | 'manual' | 'automatic';
  createdAt: string;
  deactivatedAt: string | null;
  activeTickets: number;
  pendingOrders: number;
  monthlyAmountOre: number;
  contacts: {
    id: string;
    name: string;
    email: string;
    phone: string | null;
    status: 'active' | 'invited' | 'disabled';
  }[];
};
