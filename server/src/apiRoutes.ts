import type { Container } from 'inversify';
import { analyticsRoutes } from './modules/analytics/http/analyticsRoutes';
import { auditRoutes } from './modules/audit/http/auditRoutes';
import { connectionRoutes } from './modules/connection/http/connectionRoutes';
import { conversationRoutes } from './modules/conversation/http/conversationRoutes';
import { mediaRoutes } from './modules/media/http/mediaRoutes';
import { messageRoutes } from './modules/message/http/messageRoutes';
import { optInRoutes } from './modules/optin/http/optInRoutes';
import { templateRoutes } from './modules/template/http/templateRoutes';
import { timelineRoutes } from './modules/timeline/http/timelineRoutes';
import { broadcastRoutes } from './modules/broadcast/http/broadcastRoutes';
import { bookingRoutes } from './modules/booking/http/bookingRoutes';
import { identityRoutes } from './modules/identity/http/identityRoutes';
import { incidentRoutes } from './modules/incident/http/incidentRoutes';
import { leadRoutes } from './modules/lead/http/leadRoutes';
import { paymentSettingsRoutes } from './modules/payment/http/paymentSettingsRoutes';
import { tripRoutes } from './modules/trip/http/tripRoutes';
import { panicModeRoutes } from './whatsapp/outbound/http/panicModeRoutes';
import { eventRoutes } from './modules/events/http/eventRoutes';
import { contactRoutes } from './modules/contact/http/contactRoutes';
import { webhookSubscriptionRoutes } from './modules/webhook/http/webhookSubscriptionRoutes';
import { smsFallbackRoutes } from './modules/smsfallback/http/smsFallbackRoutes';
import { autoResponderRoutes } from './modules/autoresponder/http/autoResponderRoutes';
import type { RouteDefinition } from './shared/http/api/RouteDefinition';
import { sessionRoutes } from './modules/session/http/sessionRoutes';
import { setupRoutes } from './modules/session/http/setupRoutes';
import { usageRoutes } from './modules/usage/http/usageRoutes';
import { pricingRoutes } from './modules/usage/http/pricingRoutes';
import { onboardingRoutes } from './modules/onboarding/http/onboardingRoutes';
import { quickReplyRoutes } from './modules/quickreply/http/quickReplyRoutes';

/** Every /api/v1 endpoint, module by module: the router and /openapi.json are both built from this list. */
export function apiRoutes(container: Container): RouteDefinition[] {
  return [
    ...identityRoutes(container),
    ...leadRoutes(container),
    ...bookingRoutes(container),
    ...tripRoutes(container),
    ...incidentRoutes(container),
    ...conversationRoutes(container),
    ...messageRoutes(container),
    ...optInRoutes(container),
    ...timelineRoutes(container),
    ...mediaRoutes(container),
    ...auditRoutes(container),
    ...analyticsRoutes(container),
    ...templateRoutes(container),
    ...broadcastRoutes(container),
    ...panicModeRoutes(container),
    ...eventRoutes(container),
    ...contactRoutes(container),
    ...webhookSubscriptionRoutes(container),
    ...paymentSettingsRoutes(container),
    ...smsFallbackRoutes(container),
    ...autoResponderRoutes(container),
    ...sessionRoutes(container),
    ...setupRoutes(container),
    ...connectionRoutes(container),
    ...usageRoutes(container),
    ...pricingRoutes(container),
    ...onboardingRoutes(container),
    ...quickReplyRoutes(container),
  ];
}
