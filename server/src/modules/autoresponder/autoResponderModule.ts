import { ContainerModule } from 'inversify';
import { TYPES } from '../../types';
import { AnswerWithAi } from './application/AnswerWithAi';
import { UpdateAutoResponder } from './application/UpdateAutoResponder';
import { AiReplyWorker } from './infrastructure/AiReplyWorker';
import { KnexAiContextReader } from './infrastructure/KnexAiContextReader';
import { KnexAiRequestQueue } from './infrastructure/KnexAiRequestQueue';
import { KnexAutoReplyMemory } from './infrastructure/KnexAutoReplyMemory';
import { KnexAutoResponderSettings } from './infrastructure/KnexAutoResponderSettings';
import { OpenAiChatClient } from './infrastructure/OpenAiChatClient';
import { UsageAiAllowance } from './infrastructure/UsageAiAllowance';

/** Auto-responder (SPEC §23): settings, the away message's memory, and the AI answering outside transactions. */
export const autoResponderModule = new ContainerModule(({ bind }) => {
  bind(TYPES.AutoResponderSettings).to(KnexAutoResponderSettings);
  bind(TYPES.AutoReplyMemory).to(KnexAutoReplyMemory);
  bind(TYPES.AiRequestQueue).to(KnexAiRequestQueue);
  bind(TYPES.AiContextReader).to(KnexAiContextReader);
  bind(TYPES.ChatCompletions).to(OpenAiChatClient);
  bind(TYPES.AiAllowance).to(UsageAiAllowance);
  bind(TYPES.UpdateAutoResponder).to(UpdateAutoResponder);
  bind(TYPES.AnswerWithAi).to(AnswerWithAi);
  bind(TYPES.BackgroundWorkers).to(AiReplyWorker);
});
