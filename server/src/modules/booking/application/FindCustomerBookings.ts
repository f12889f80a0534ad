import { inject, injectable } from 'inversify';
import { parseRef } from '../../../shared/refs/RefAllocator';
import { TYPES } from '../../../types';
import type { BookingRepository } from '../domain/BookingRepository';
import type { CustomerBooking } from '../domain/CustomerBooking';

export interface FindCustomerBookingsInput {
  tenantId: string;
  customerPhone: string;
  /** `BK-12`: only that booking, and only if it is this customer's. */
  bookingRef?: string;
}

/** SPEC §6 STATUS / BK-12: a customer's own bookings with status and payment state, never anyone else's. */
@injectable()
export class FindCustomerBookings {
  constructor(@inject(TYPES.BookingRepository) private readonly bookings: BookingRepository) {}

  async execute(input: FindCustomerBookingsInput): Promise<CustomerBooking[]> {
    const ref = input.bookingRef === undefined ? undefined : parseRef('BK', input.bookingRef);
    if (input.bookingRef !== undefined && !ref) return [];
    return this.bookings.listForCustomer(input.tenantId, input.customerPhone, ref);
  }
}
