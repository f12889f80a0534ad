/** Money owed back to a customer when their booking is cancelled (recorded; paid out by the business). */
export interface Refund {
  id: string;
  tenantId: string;
  bookingId: string;
  amount: string;
  currency: string;
  reason: string;
  recordedBy?: string;
  createdAt: Date;
}

export type NewRefund = Omit<Refund, 'id' | 'createdAt'>;

export interface RefundRepository {
  add(refund: NewRefund): Promise<Refund>;
  listFor(tenantId: string, bookingId: string): Promise<Refund[]>;
}
