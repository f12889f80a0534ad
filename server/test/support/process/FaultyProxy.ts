import http from 'node:http';
import type { AddressInfo } from 'node:net';

/** What the proxy does with requests: pass them on, answer like a provider having a bad day, or never answer. */
export type Fault = 'none' | 'server-error' | 'hang';

/** Graph's own answer to a transient failure (code 2, HTTP 500). */
const GRAPH_TRANSIENT = JSON.stringify({
  error: {
    message: 'An unexpected error has occurred. Please retry your request later.',
    type: 'OAuthException',
    code: 2,
    is_transient: true,
    fbtrace_id: 'Outage',
  },
});

export interface ProxiedRequest {
  at: number;
  method: string;
  path: string;
  body: Buffer;
  /** What the proxy did with it. */
  fate: Fault;
}

/**
 * An HTTP proxy in front of a fake provider that can be switched into an outage: every request is
 * then answered 500 (`server-error`) or held without an answer (`hang`) until the fault clears,
 * when held sockets are cut. Requests are logged with their fate (to see retries back off).
 */
export class FaultyProxy {
  fault: Fault = 'none';
  readonly requests: ProxiedRequest[] = [];
  private readonly held = new Set<http.ServerResponse>();

  private constructor(
    private readonly server: http.Server,
    readonly url: string,
    private readonly target: URL,
  ) {}

  static async start(target: string): Promise<FaultyProxy> {
    const server = http.createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const proxy = new FaultyProxy(
      server,
      `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
      new URL(target),
    );
    server.on('request', (req, res) => void proxy.handle(req, res));
    return proxy;
  }

  /** Ends the outage: held requests are cut (the client sees a reset), new ones pass. */
  recover(): void {
    this.fault = 'none';
    for (const res of this.held) res.destroy();
    this.held.clear();
  }

  close(): Promise<void> {
    this.recover();
    this.server.closeAllConnections();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }

  private async handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const fate = this.fault;
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks);
    this.requests.push({ at: Date.now(), method: req.method ?? 'GET', path: req.url ?? '/', body, fate });
    if (fate === 'server-error') {
      res.writeHead(500, { 'content-type': 'application/json' }).end(GRAPH_TRANSIENT);
    } else if (fate === 'hang') {
      this.held.add(res);
      res.once('close', () => this.held.delete(res));
    } else {
      const upstream = http.request(
        {
          host: this.target.hostname,
          port: this.target.port,
          method: req.method,
          path: req.url,
          headers: req.headers,
        },
        (answer) => {
          res.writeHead(answer.statusCode ?? 502, answer.headers);
          answer.pipe(res);
        },
      );
      upstream.on('error', () => res.destroy());
      upstream.end(body);
    }
  }
}
