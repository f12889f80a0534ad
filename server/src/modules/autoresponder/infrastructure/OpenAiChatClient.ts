import { inject, injectable } from 'inversify';
import type { Config } from '../../../config';
import { TYPES } from '../../../types';
import { ChatCompletionError, type ChatCompletions, type ChatMessage } from '../domain/ChatCompletions';

const MAX_REPLY_LENGTH = 4096;
const LATE = 'AI service took longer than the limit';

/**
 * Any OpenAI-compatible `POST …/v1/chat/completions` (OpenAI, a local Ollama or vLLM): `model` and
 * `messages`, `Authorization: Bearer AI_API_KEY` when a key is set; the answer is
 * `choices[0].message.content`. Aborted after AI_TIMEOUT_SECONDS (10 s, SPEC §23), the answer's body included (AbortController); redirects are refused, so
 * nothing goes to a host other than AI_API_URL's.
 */
@injectable()
export class OpenAiChatClient implements ChatCompletions {
  constructor(@inject(TYPES.Config) private readonly config: Pick<Config, 'ai'>) {}

  get configured(): boolean {
    return this.config.ai !== undefined;
  }

  async complete(messages: ChatMessage[]): Promise<string> {
    const settings = this.config.ai;
    if (!settings) throw new ChatCompletionError('AI_API_URL is not set', 'error');
    const abort = new AbortController();
    const timer = setTimeout(() => abort.abort(), settings.timeoutMs);
    try {
      const res = await fetch(settings.url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          ...(settings.apiKey ? { authorization: `Bearer ${settings.apiKey}` } : {}),
        },
        body: JSON.stringify({ model: settings.model, messages }),
        signal: abort.signal,
        redirect: 'error',
      });
      const body = (await res.json().catch(() => undefined)) as ChatResponse | undefined;
      if (abort.signal.aborted) throw new ChatCompletionError(LATE, 'timeout');
      if (!res.ok)
        throw new ChatCompletionError(
          `AI service answered ${res.status}: ${String(body?.error?.message ?? '').slice(0, 200)}`,
          'error',
        );
      const content = body?.choices?.[0]?.message?.content;
      if (typeof content !== 'string' || !content.trim())
        throw new ChatCompletionError('AI service answered without a message', 'error');
      return content.trim().slice(0, MAX_REPLY_LENGTH);
    } catch (error) {
      if (error instanceof ChatCompletionError) throw error;
      if (abort.signal.aborted)
        throw new ChatCompletionError('AI service took longer than the limit', 'timeout');
      throw new ChatCompletionError(`AI service unreachable: ${(error as Error).message}`, 'error');
    } finally {
      clearTimeout(timer);
    }
  }
}

interface ChatResponse {
  choices?: Array<{ message?: { content?: unknown } }>;
  error?: { message?: unknown };
}
