import { ContainerModule } from 'inversify';
import { TYPES } from '../../types';
import { KnexAuditLog } from '../audit/infrastructure/KnexAuditLog';
import { KnexRefAllocator } from '../../shared/refs/KnexRefAllocator';
import { KnexMessageRepository } from '../message/infrastructure/KnexMessageRepository';
import { KnexPendingStatusRepository } from '../message/infrastructure/KnexPendingStatusRepository';
import { KnexOptInRepository } from '../optin/infrastructure/KnexOptInRepository';
import { KnexTemplateRepository } from '../template/infrastructure/KnexTemplateRepository';
import { KnexTimelineRepository } from '../timeline/infrastructure/KnexTimelineRepository';
import { KnexConversationRepository } from './infrastructure/KnexConversationRepository';
import { ExpireConversationsJob } from './application/ExpireConversationsJob';
import { UpdateConversation } from './application/UpdateConversation';
import { ShowTypingIndicator } from './application/ShowTypingIndicator';
import { AddNote } from '../timeline/application/AddNote';

/** Repositories of the conversation side: conversations, messages, opt-ins, templates, timeline. */
export const conversationModule = new ContainerModule(({ bind }) => {
  bind(TYPES.ConversationRepository).to(KnexConversationRepository);
  bind(TYPES.MessageRepository).to(KnexMessageRepository);
  bind(TYPES.PendingStatusRepository).to(KnexPendingStatusRepository);
  bind(TYPES.OptInRepository).to(KnexOptInRepository);
  bind(TYPES.TemplateRepository).to(KnexTemplateRepository);
  bind(TYPES.TimelineRepository).to(KnexTimelineRepository);
  bind(TYPES.AuditLog).to(KnexAuditLog);
  bind(TYPES.RefAllocator).to(KnexRefAllocator);
  bind(TYPES.Jobs).to(ExpireConversationsJob);
  bind(TYPES.UpdateConversation).to(UpdateConversation);
  bind(TYPES.ShowTypingIndicator).to(ShowTypingIndicator);
  bind(TYPES.AddNote).to(AddNote);
});
