import { expect } from 'chai';
import { ChatCompletionError } from '../../../src/modules/autoresponder/domain/ChatCompletions';
import { OpenAiChatClient } from '../../../src/modules/autoresponder/infrastructure/OpenAiChatClient';
import { FakeChatCompletionsServer } from '../../support/FakeChatCompletionsServer';
import { sendJson } from '../../support/FakeProviderServer';
import { testConfig } from '../../support/testContainer';

const failure = (promise: Promise<unknown>) =>
  promise.then(
    () => expect.fail('expected a failure'),
    (error: unknown) => {
      expect(error).to.be.instanceOf(ChatCompletionError);
      return error as ChatCompletionError;
    },
  );

describe('OpenAiChatClient against a local chat-completions server', () => {
  let ai: FakeChatCompletionsServer;
  let client: OpenAiChatClient;
  const messages = [
    { role: 'system' as const, content: 'Be brief.' },
    { role: 'user' as const, content: 'Hi' },
  ];

  beforeEach(async () => {
    ai = await FakeChatCompletionsServer.start();
    client = new OpenAiChatClient(testConfig({ AI_API_URL: ai.url, AI_TIMEOUT_SECONDS: '1' }));
  });
  afterEach(() => ai.close());

  it('posts model and messages, without a key when none is set, and returns the assistant’s text', async () => {
    ai.answers = [{ reply: '  Hello!  ' }];
    expect(await client.complete(messages)).to.equal('Hello!');
    expect(ai.received).to.deep.equal([{ authorization: undefined, model: 'gpt-4o-mini', messages }]);
  });

  it('reports the API’s error message, a missing answer, and the time limit', async () => {
    ai.answers = [{ status: 429, message: 'Rate limit reached for requests' }];
    const limited = await failure(client.complete(messages));
    expect([limited.kind, limited.message]).to.deep.equal([
      'error',
      'AI service answered 429: Rate limit reached for requests',
    ]);
    ai.server.route('POST', '/v1/chat/completions', (_req, res) => sendJson(res, 200, { choices: [] }));
    expect((await failure(client.complete(messages))).message).to.equal(
      'AI service answered without a message',
    );
    ai.server.route('POST', '/v1/chat/completions', (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.write('{"choices":'); // headers in time, the body never finishes
    });
    const started = Date.now();
    const late = await failure(client.complete(messages));
    expect(late.kind).to.equal('timeout');
    expect(Date.now() - started).to.be.within(900, 1500);
  });

  it('follows no redirect: nothing goes to a host other than AI_API_URL’s', async () => {
    ai.server.route('POST', '/v1/chat/completions', (_req, res) => {
      res.writeHead(307, { location: 'http://127.0.0.1:9/v1/chat/completions' });
      res.end();
    });
    expect((await failure(client.complete(messages))).message).to.match(/^AI service unreachable/);
  });
});
