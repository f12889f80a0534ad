/** Port: an OpenAI-compatible chat-completions endpoint (SPEC §23). */
export interface ChatMessage {
  role: 'system' | 'user' | 'assistant';
  content: string;
}

export interface ChatCompletions {
  /** Whether AI_API_URL is set. */
  readonly configured: boolean;
  /** The assistant's reply; throws ChatCompletionError on any failure, `timeout` after the limit. */
  complete(messages: ChatMessage[]): Promise<string>;
}

export class ChatCompletionError extends Error {
  constructor(
    message: string,
    readonly kind: 'timeout' | 'error',
  ) {
    super(message);
    this.name = 'ChatCompletionError';
  }
}
