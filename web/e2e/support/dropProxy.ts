import http from 'node:http';
import type net from 'node:net';

/**
 * A pass-through proxy for the event stream that the test can cut, as a network or a proxy does:
 * `drop()` breaks every connection and refuses new ones until `restore()` (cut, or answered with
 * an error status, after which a browser gives up on an EventSource). It keeps what crossed
 * it: each request's URL and Last-Event-ID header, and the ids of the events it carried.
 */
export class DropProxy {
  readonly requests: Array<{ url: string; lastEventId?: string }> = [];
  readonly eventIds: string[] = [];
  /** When the last event crossed it (ms since the epoch). */
  lastEventAt = 0;
  /** Connections refused while down (the browser's attempts to reconnect). */
  refused = 0;
  url = '';
  private readonly sockets = new Set<net.Socket>();
  /** Down: new connections are cut (`reset`), or answered with a status (a proxy's 502, 503). */
  private down: 'reset' | number | false = false;
  private readonly server = http.createServer((req, res) => this.forward(req, res));

  private constructor(private readonly upstream: URL) {
    this.server.on('connection', (socket) => {
      this.sockets.add(socket);
      socket.on('close', () => this.sockets.delete(socket));
    });
  }

  static async start(target: string): Promise<DropProxy> {
    const proxy = new DropProxy(new URL(target));
    await new Promise<void>((resolve) => proxy.server.listen(0, '127.0.0.1', resolve));
    proxy.url = `http://127.0.0.1:${(proxy.server.address() as net.AddressInfo).port}`;
    return proxy;
  }

  private forward(req: http.IncomingMessage, res: http.ServerResponse): void {
    if (this.down) this.refused++;
    if (this.down === 'reset') return void req.socket.destroy();
    if (this.down) return void res.writeHead(this.down, { 'content-type': 'text/plain' }).end('down');
    this.requests.push({ url: req.url ?? '', lastEventId: req.headers['last-event-id'] as string });
    const { hostname: host, port } = this.upstream;
    const out = http.request(
      { host, port, path: req.url, method: req.method, headers: req.headers },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.on('data', (chunk: Buffer) => {
          for (const [, id] of chunk.toString('utf8').matchAll(/^id: (\d+)$/gm)) {
            this.eventIds.push(id);
            this.lastEventAt = Date.now();
          }
          res.write(chunk);
        });
        answer.on('end', () => res.end());
      },
    );
    out.on('error', () => res.destroy());
    res.on('close', () => out.destroy());
    req.pipe(out);
  }

  drop(whileDown: 'reset' | number = 'reset'): void {
    this.down = whileDown;
    for (const socket of this.sockets) socket.destroy();
  }

  restore(): void {
    this.down = false;
  }

  async close(): Promise<void> {
    this.drop();
    await new Promise((resolve) => this.server.close(resolve));
  }
}
