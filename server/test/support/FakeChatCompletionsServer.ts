import { FakeProviderServer, sendJson } from './FakeProviderServer';

export interface ChatRequest {
  authorization?: string;
  model: string;
  messages: Array<{ role: string; content: string }>;
}

/** What the fake answers next: a reply, an API error (OpenAI's error body), or silence past the limit. */
export type ChatAnswer = { reply: string } | { status: number; message?: string } | { hangMs: number };

/**
 * A local server speaking OpenAI's chat-completions API: `POST /v1/chat/completions` with `model`
 * and `messages`, answered `{ id, object: "chat.completion", choices: [{ message: { role:
 * "assistant", content } }], usage }`, or the API's error body `{ error: { message, type, code } }`.
 */
export class FakeChatCompletionsServer {
  readonly received: ChatRequest[] = [];
  /** The answers, in order; the last one repeats. */
  answers: ChatAnswer[] = [{ reply: 'Hello from the AI.' }];

  private constructor(readonly server: FakeProviderServer) {
    server.route('POST', '/v1/chat/completions', async (req, res) => {
      let body: Partial<ChatRequest>;
      try {
        body = JSON.parse(req.body.toString('utf8'));
      } catch {
        return sendJson(res, 400, {
          error: { message: 'We could not parse the JSON body', type: 'invalid_request_error', code: null },
        });
      }
      if (typeof body.model !== 'string' || !Array.isArray(body.messages))
        return sendJson(res, 400, {
          error: {
            message: "'model' and 'messages' are required",
            type: 'invalid_request_error',
            code: null,
          },
        });
      this.received.push({
        authorization: req.headers.authorization,
        model: body.model,
        messages: body.messages,
      });
      const answer = this.answers.length > 1 ? this.answers.shift()! : this.answers[0];
      if ('hangMs' in answer) {
        await new Promise((resolve) => setTimeout(resolve, answer.hangMs));
        if (res.destroyed) return;
        return sendJson(res, 200, completion(body.model, 'too late'));
      }
      if ('status' in answer)
        return sendJson(res, answer.status, {
          error: {
            message: answer.message ?? `fake failure ${answer.status}`,
            type: answer.status === 429 ? 'rate_limit_exceeded' : 'server_error',
            code: answer.status === 429 ? 'rate_limit_exceeded' : null,
          },
        });
      sendJson(res, 200, completion(body.model, answer.reply));
    });
  }

  static async start(): Promise<FakeChatCompletionsServer> {
    return new FakeChatCompletionsServer(await FakeProviderServer.start());
  }

  get url(): string {
    return this.server.url;
  }

  close(): Promise<void> {
    return this.server.close();
  }
}

function completion(model: string, content: string) {
  return {
    id: `chatcmpl-${Math.random().toString(36).slice(2)}`,
    object: 'chat.completion',
    created: Math.floor(Date.now() / 1000),
    model,
    choices: [{ index: 0, message: { role: 'assistant', content }, finish_reason: 'stop' }],
    usage: { prompt_tokens: 10, completion_tokens: 5, total_tokens: 15 },
  };
}
