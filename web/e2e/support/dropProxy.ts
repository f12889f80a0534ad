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
  /** Connections refused while down (the browser's attempts to reconnect). */
  refused = 0;
  private readonly sockets = new Set<net.Socket>();
  /** Down: new connections are cut (`reset`), or answered with a status (a proxy's 502, 503). */
  private down: 'reset' | number | false = false;

  private constructor(
    private readonly server: http.Server,
    readonly url: string,
  ) {}

  static async start(target: string): Promise<DropProxy> {
    const upstream = new URL(target);
    let proxy!: DropProxy;
    const server = http.createServer((req, res) => {
      if (proxy.down) proxy.refused++;
      if (proxy.down === 'reset') return void req.socket.destroy();
      if (proxy.down) return void res.writeHead(proxy.down, { 'content-type': 'text/plain' }).end('down');
      proxy.requests.push({ url: req.url ?? '', lastEventId: req.headers['last-event-id'] as string });
      const out = http.request(
        {
          host: upstream.hostname,
          port: upstream.port,
          path: req.url,
          method: req.method,
          headers: req.headers,
        },
        (answer) => {
          res.writeHead(answer.statusCode ?? 502, answer.headers);
          answer.on('data', (chunk: Buffer) => {
            for (const [, id] of chunk.toString('utf8').matchAll(/^id: (\d+)$/gm)) proxy.eventIds.push(id);
            res.write(chunk);
          });
          answer.on('end', () => res.end());
        },
      );
      out.on('error', () => res.destroy());
      res.on('close', () => out.destroy());
      req.pipe(out);
    });
    server.on('connection', (socket) => {
      proxy.sockets.add(socket);
      socket.on('close', () => proxy.sockets.delete(socket));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as net.AddressInfo;
    proxy = new DropProxy(server, `http://127.0.0.1:${port}`);
    return proxy;
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
