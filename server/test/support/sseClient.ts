import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Express } from 'express';

export interface ReceivedEvent {
  id: string;
  event: string;
  data: { id: string; type: string; occurredAt: string; data: Record<string, unknown> };
}

/** A real listening server for the app (supertest cannot read an endless response). */
export async function listen(app: Express): Promise<{ url: string; close(): Promise<void> }> {
  const server = app.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/**
 * Reads `GET /api/v1/events` as EventSource would: frames split on blank lines, comments kept
 * apart. `pause()`/`resume()` stop and restart reading the socket (a slow client).
 */
export class SseClient {
  readonly events: ReceivedEvent[] = [];
  readonly comments: string[] = [];
  status?: number;
  ended = false;
  private response?: http.IncomingMessage;
  private request?: http.ClientRequest;
  private buffer = '';

  static async connect(baseUrl: string, key: string, lastEventId?: string): Promise<SseClient> {
    const client = new SseClient();
    await client.open(baseUrl, key, lastEventId);
    return client;
  }

  private open(baseUrl: string, key: string, lastEventId?: string): Promise<void> {
    return new Promise((resolve, reject) => {
      const headers: Record<string, string> = { authorization: `Bearer ${key}`, accept: 'text/event-stream' };
      if (lastEventId !== undefined) headers['last-event-id'] = lastEventId;
      this.request = http.get(`${baseUrl}/api/v1/events`, { headers }, (res) => {
        this.response = res;
        this.status = res.statusCode;
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => this.take(chunk));
        res.on('end', () => (this.ended = true));
        res.on('close', () => (this.ended = true));
        res.on('error', () => (this.ended = true));
        resolve();
      });
      this.request.on('error', (error) => (this.response ? (this.ended = true) : reject(error)));
    });
  }

  get lastId(): string | undefined {
    return this.events.at(-1)?.id;
  }

  types(): string[] {
    return this.events.map((e) => e.event);
  }

  pause(): void {
    this.response?.pause();
  }

  resume(): void {
    this.response?.resume();
  }

  close(): void {
    this.request?.destroy();
  }

  private take(chunk: string): void {
    this.buffer += chunk;
    let end: number;
    while ((end = this.buffer.indexOf('\n\n')) >= 0) {
      const frame = this.buffer.slice(0, end);
      this.buffer = this.buffer.slice(end + 2);
      const fields: Record<string, string> = {};
      for (const line of frame.split('\n')) {
        if (line.startsWith(':')) this.comments.push(line.slice(1).trim());
        const match = /^(\w+): ?(.*)$/.exec(line);
        if (match) fields[match[1]] = match[2];
      }
      if (fields.data)
        this.events.push({
          id: fields.id,
          event: fields.event,
          data: JSON.parse(fields.data) as ReceivedEvent['data'],
        });
    }
  }
}
