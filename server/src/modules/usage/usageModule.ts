import { ContainerModule } from 'inversify';
import { TYPES } from '../../types';
import { KnexOutboundQueue } from '../message/infrastructure/KnexOutboundQueue';
import { ClickToChatLink } from './application/ClickToChatLink';
import { GetUsage } from './application/GetUsage';
import { RecordMessagePricing } from './application/RecordMessagePricing';
import { UsageAlerts } from './application/UsageAlerts';
import { UsageLimits } from './application/UsageLimits';
import { UsageResetJob } from './application/UsageResetJob';
import { UpdatePricing } from './application/UpdatePricing';
import { KnexBusinessNumbers } from './infrastructure/KnexBusinessNumbers';
import { QrCodeImages } from './infrastructure/QrCodeImages';
import { KnexAiConversationSpans } from './infrastructure/KnexAiConversationSpans';
import { KnexTenantPlans } from './infrastructure/KnexTenantPlans';
import { KnexUsageCounters } from './infrastructure/KnexUsageCounters';
import { MeteredOutboundQueue } from './infrastructure/MeteredOutboundQueue';

/**
 * Plans, usage and cost (SPEC §17): the plan table, the counters, the limits on the outbound
 * queue (every OutboundQueue is the metered one; alerts to managers use the queue underneath).
 */
export const usageModule = new ContainerModule(({ bind }) => {
  bind(TYPES.UnmeteredOutboundQueue).to(KnexOutboundQueue);
  bind(TYPES.OutboundQueue).to(MeteredOutboundQueue);
  bind(TYPES.TenantPlans).to(KnexTenantPlans);
  bind(TYPES.UsageCounters).to(KnexUsageCounters);
  bind(TYPES.AiConversationSpans).to(KnexAiConversationSpans);
  bind(TYPES.UsageAlerts).to(UsageAlerts);
  bind(TYPES.UsageLimits).to(UsageLimits);
  bind(TYPES.RecordMessagePricing).to(RecordMessagePricing);
  bind(TYPES.GetUsage).to(GetUsage);
  bind(TYPES.UpdatePricing).to(UpdatePricing);
  bind(TYPES.BusinessNumbers).to(KnexBusinessNumbers);
  bind(TYPES.QrCodes).to(QrCodeImages);
  bind(TYPES.ClickToChatLink).to(ClickToChatLink);
  bind(TYPES.Jobs).to(UsageResetJob);
});
