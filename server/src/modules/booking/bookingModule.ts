import { ContainerModule } from 'inversify';
import { TYPES } from '../../types';
import { ApproveQuote } from './application/ApproveQuote';
import { CancelBooking } from './application/CancelBooking';
import { ConvertLeadToBooking } from './application/ConvertLeadToBooking';
import { CreateQuote } from './application/CreateQuote';
import { FindCustomerBookings } from './application/FindCustomerBookings';
import { PaymentRemindersJob } from './application/PaymentRemindersJob';
import { RecordPayment } from './application/RecordPayment';
import { RequestCancellation } from './application/RequestCancellation';
import { SendPaymentLink } from './application/SendPaymentLink';
import { KnexBookingRepository } from './infrastructure/KnexBookingRepository';
import { KnexPaymentRepository } from './infrastructure/KnexPaymentRepository';
import { KnexQuoteRepository } from './infrastructure/KnexQuoteRepository';
import { KnexRefundRepository } from './infrastructure/KnexRefundRepository';

/** Quotes, bookings and payments; depends on leadModule (leads, sales rep selection). */
export const bookingModule = new ContainerModule(({ bind }) => {
  bind(TYPES.QuoteRepository).to(KnexQuoteRepository);
  bind(TYPES.BookingRepository).to(KnexBookingRepository);
  bind(TYPES.PaymentRepository).to(KnexPaymentRepository);
  bind(TYPES.RefundRepository).to(KnexRefundRepository);
  bind(TYPES.CreateQuote).to(CreateQuote);
  bind(TYPES.ApproveQuote).to(ApproveQuote);
  bind(TYPES.ConvertLeadToBooking).to(ConvertLeadToBooking);
  bind(TYPES.SendPaymentLink).to(SendPaymentLink);
  bind(TYPES.RecordPayment).to(RecordPayment);
  bind(TYPES.FindCustomerBookings).to(FindCustomerBookings);
  bind(TYPES.CancelBooking).to(CancelBooking);
  bind(TYPES.RequestCancellation).to(RequestCancellation);
  bind(TYPES.Jobs).to(PaymentRemindersJob);
});
