import type { Knex } from 'knex';
import * as identity from './0001_identity';
import * as whatsappChannel from './0002_whatsapp_channel';
import * as business from './0003_business';
import * as outbound from './0004_outbound';
import * as rest from './0006_rest';
import * as operations from './0007_operations';
import * as refSequences from './0008_ref_sequences';
import * as outboundMedia from './0009_outbound_media';
import * as broadcastTemplateValues from './0010_broadcast_template_values';
import * as outboxClaimOrder from './0011_outbox_claim_order';
import * as connections from './0013_connections';
import * as eventsAndInbox from './0014_events_and_inbox';
import * as outboundEngine from './0015_outbound_engine';
import * as workflows from './0016_workflows';
import * as plansAndUsage from './0017_plans_and_usage';
import * as autoResponder from './0018_auto_responder';
import * as consoleSessions from './0019_console_sessions';
import * as onboarding from './0020_onboarding';
import * as quickReplies from './0021_quick_replies';
import * as conversationAssigneeIndex from './0022_conversation_assignee_index';

/**
 * Migrations are listed here rather than discovered on disk, so the same list runs from
 * TypeScript sources (tests, CLI) and from the compiled build (npm start).
 */
const migrations: Record<string, Knex.Migration> = {
  '0001_identity': identity,
  '0002_whatsapp_channel': whatsappChannel,
  '0003_business': business,
  '0004_outbound': outbound,
  '0006_rest': rest,
  '0007_operations': operations,
  '0008_ref_sequences': refSequences,
  '0009_outbound_media': outboundMedia,
  '0010_broadcast_template_values': broadcastTemplateValues,
  '0011_outbox_claim_order': outboxClaimOrder,
  '0013_connections': connections,
  '0014_events_and_inbox': eventsAndInbox,
  '0015_outbound_engine': outboundEngine,
  '0016_workflows': workflows,
  '0017_plans_and_usage': plansAndUsage,
  '0018_auto_responder': autoResponder,
  '0019_console_sessions': consoleSessions,
  '0020_onboarding': onboarding,
  '0021_quick_replies': quickReplies,
  '0022_conversation_assignee_index': conversationAssigneeIndex,
};

export const migrationSource: Knex.MigrationSource<string> = {
  getMigrations: async () => Object.keys(migrations),
  getMigrationName: (name) => name,
  getMigration: async (name) => migrations[name],
};

export const migrationNames = Object.keys(migrations);
