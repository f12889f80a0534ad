import { ContainerModule } from 'inversify';
import { TYPES } from '../../../types';
import { DeliveryFactsLoader } from './DeliveryFactsLoader';
import { KnexTemplateCatalog } from './KnexTemplateCatalog';
import { KnexUnconfirmedSends } from './KnexUnconfirmedSends';
import { MarkInboundRead } from './MarkInboundRead';
import { OutboundClaims } from './OutboundClaims';
import { OutboundDispatcher } from './OutboundDispatcher';
import { OutboundHolds } from './OutboundHolds';
import { DueRows } from './DueRows';
import { OutboundRows } from './OutboundRows';
import { OutboundMediaResolver } from './OutboundMediaResolver';
import { OutboundSender } from './OutboundSender';
import { OutboundWakeUps } from '../../../modules/message/infrastructure/OutboundWakeUps';
import { PanicMode } from './PanicMode';
import { SendabilityCheck } from './SendabilityCheck';
import { SendStaffMessage } from '../../../modules/message/application/SendStaffMessage';
import { RetryMessage } from '../../../modules/message/application/RetryMessage';
import { PanicStates } from './PanicStates';
import { RecipientPacingStore } from './RecipientPacingStore';
import { SendAttempts } from './SendAttempts';
import { SentRecorder } from './SentRecorder';
import { SmsSender } from './SmsSender';
import { ParkedStatuses } from './ParkedStatuses';
import { StuckSweeper } from './StuckSweeper';
import { StuckSweeperJob } from './StuckSweeperJob';
import { PanicAutoResumeJob } from './PanicAutoResumeJob';

/** Outbound delivery: the queue on whatsapp_messages, WhatsApp's rules, retries, panic mode. */
export const outboundModule = new ContainerModule(({ bind }) => {
  bind(TYPES.TemplateCatalog).to(KnexTemplateCatalog);
  bind(TYPES.UnconfirmedSends).to(KnexUnconfirmedSends);
  for (const part of [
    OutboundRows,
    DueRows,
    OutboundWakeUps,
    DeliveryFactsLoader,
    SendAttempts,
    RecipientPacingStore,
    PanicStates,
    OutboundHolds,
    OutboundClaims,
    OutboundMediaResolver,
    ParkedStatuses,
    SentRecorder,
    SmsSender,
    OutboundSender,
    SendabilityCheck,
  ])
    bind(part).toSelf();
  bind(PanicMode).toSelf();
  bind(TYPES.PanicMode).toService(PanicMode);
  bind(StuckSweeper).toSelf();
  bind(TYPES.StuckSweeper).toService(StuckSweeper);
  bind(OutboundDispatcher).toSelf();
  bind(TYPES.OutboundDispatcher).toService(OutboundDispatcher);
  bind(TYPES.BackgroundWorkers).toService(OutboundDispatcher);
  bind(TYPES.Jobs).to(StuckSweeperJob);
  bind(TYPES.Jobs).to(PanicAutoResumeJob);
  bind(TYPES.Sendability).toService(SendabilityCheck);
  bind(TYPES.SmsChannel).toService(SmsSender);
  bind(TYPES.ReadReceipts).to(MarkInboundRead);
  bind(TYPES.SendStaffMessage).to(SendStaffMessage);
  bind(TYPES.RetryMessage).to(RetryMessage);
});
