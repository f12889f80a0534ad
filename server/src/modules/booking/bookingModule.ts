import { ContainerModule } from 'inversify';
import { TYPES } from '../../types';
import { ApproveQuote } from './application/ApproveQuote';
import { ConvertLeadToBooking } from './application/ConvertLeadToBooking';
import { CreateQuote } from './application/CreateQuote';
import { FindCustomerBookings } from './application/FindCustomerBookings';
import { RecordPayment } from './application/RecordPayment';
import { SendPaymentLink } from './application/SendPaymentLink';
import { KnexBookingRepository } from './infrastructure/KnexBookingRepository';
import { KnexPaymentRepository } from './infrastructure/KnexPaymentRepository';
import { KnexQuoteRepository } from './infrastructure/KnexQuoteRepository';

/** Quotes, bookings and payments; depends on leadModule (leads, sales rep selection). */
export const bookingModule = new ContainerModule(({ bind }) => {
  bind(TYPES.QuoteRepository).to(KnexQuoteRepository);
  bind(TYPES.BookingRepository).to(KnexBookingRepository);
  bind(TYPES.PaymentRepository).to(KnexPaymentRepository);
  bind(TYPES.CreateQuote).to(CreateQuote);
  bind(TYPES.ApproveQuote).to(ApproveQuote);
  bind(TYPES.ConvertLeadToBooking).to(ConvertLeadToBooking);
  bind(TYPES.SendPaymentLink).to(SendPaymentLink);
  bind(TYPES.RecordPayment).to(RecordPayment);
  bind(TYPES.FindCustomerBookings).to(FindCustomerBookings);
});
