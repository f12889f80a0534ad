import { FakeProviderServer, sendJson } from './FakeProviderServer';

export interface ReceivedAudio {
  authorization?: string;
  model: string;
  filename: string;
  contentType: string;
  bytes: Buffer;
}

/**
 * A local server speaking OpenAI's speech-to-text API: `POST /v1/audio/transcriptions`, multipart
 * `file` and `model`, answered `{ "text": … }` (or the API's error body, on demand).
 */
export class FakeTranscriptionServer {
  readonly received: ReceivedAudio[] = [];
  /** The texts to answer, in order; the last one repeats. */
  texts: string[] = [''];
  /** Answer the next requests with these HTTP statuses first. */
  failWith: number[] = [];

  private constructor(readonly server: FakeProviderServer) {
    server.route('POST', '/v1/audio/transcriptions', async (req, res) => {
      const form = await new Request('http://fake/', {
        method: 'POST',
        headers: { 'content-type': String(req.headers['content-type']) },
        body: req.body,
      }).formData();
      const file = form.get('file') as File | null;
      if (!file || !form.get('model'))
        return sendJson(res, 400, {
          error: { message: 'file and model are required', type: 'invalid_request_error' },
        });
      this.received.push({
        authorization: req.headers.authorization,
        model: String(form.get('model')),
        filename: file.name,
        contentType: file.type,
        bytes: Buffer.from(await file.arrayBuffer()),
      });
      const status = this.failWith.shift();
      if (status)
        return sendJson(res, status, { error: { message: `fake failure ${status}`, type: 'server_error' } });
      sendJson(res, 200, { text: this.texts.length > 1 ? this.texts.shift()! : this.texts[0] });
    });
  }

  static async start(): Promise<FakeTranscriptionServer> {
    return new FakeTranscriptionServer(await FakeProviderServer.start());
  }

  get url(): string {
    return this.server.url;
  }

  close(): Promise<void> {
    return this.server.close();
  }
}
