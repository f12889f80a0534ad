import { ContainerModule } from 'inversify';
import { TYPES } from '../../types';
import { ManageQuickReplies } from './application/ManageQuickReplies';
import { KnexQuickReplies } from './infrastructure/KnexQuickReplies';

/** Quick replies: saved answers staff insert in the composer by their shortcut. */
export const quickReplyModule = new ContainerModule(({ bind }) => {
  bind(TYPES.QuickReplies).to(KnexQuickReplies);
  bind(TYPES.ManageQuickReplies).to(ManageQuickReplies);
});
