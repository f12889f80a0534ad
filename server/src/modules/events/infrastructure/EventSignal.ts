import { EventEmitter } from 'node:events';
import { inject, injectable } from 'inversify';
import { Client } from 'pg';
import type { Database } from '../../../shared/db/Database';
import type { Logger } from '../../../shared/logging/createLogger';
import { TYPES } from '../../../types';
import { parseNotification, type EventNotification } from './eventNotification';

export const EVENTS_CHANNEL = 'wa_ops_events';
const RECONNECT_MS = 1_000;

export type SignalListener = (notification: EventNotification) => void;

/**
 * "Tenant t has events up to id n" (and, when they fitted, the events): on PostgreSQL a NOTIFY from any instance, received on a
 * connection of its own that LISTENs (reconnected when lost, with `onReconnect` so readers catch
 * up on what they may have missed); on the embedded database an in-memory announcement.
 */
@injectable()
export class EventSignal {
  private readonly emitter = new EventEmitter().setMaxListeners(0);
  private client?: Client;
  private stopped = true;
  private retry?: NodeJS.Timeout;

  constructor(
    @inject(TYPES.Database) private readonly db: Database,
    @inject(TYPES.Logger) private readonly logger: Logger,
  ) {}

  on(listener: SignalListener, onReconnect: () => void): () => void {
    this.emitter.on('signal', listener);
    this.emitter.on('reconnect', onReconnect);
    return () => {
      this.emitter.off('signal', listener);
      this.emitter.off('reconnect', onReconnect);
    };
  }

  announce(notification: EventNotification): void {
    this.emitter.emit('signal', notification);
  }

  async start(): Promise<void> {
    this.stopped = false;
    if (this.db.url) await this.connect();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.retry);
    const client = this.client;
    this.client = undefined;
    await client
      ?.end()
      .catch((error: unknown) => this.logger.debug({ err: error }, 'LISTEN connection close'));
  }

  private async connect(): Promise<void> {
    const client = new Client({ connectionString: this.db.url, application_name: 'wa-ops events' });
    client.on('notification', (n) => this.received(n.payload));
    client.on('error', (error) => this.lost(client, error));
    client.on('end', () => this.lost(client));
    try {
      await client.connect();
      await client.query(`LISTEN ${EVENTS_CHANNEL}`);
      this.client = client;
      this.emitter.emit('reconnect');
    } catch (error) {
      this.lost(client, error);
    }
  }

  private received(payload: string | undefined): void {
    let notification: EventNotification | undefined;
    try {
      notification = parseNotification(payload ?? '');
    } catch (error) {
      this.logger.warn({ err: error }, 'unreadable event notification');
    }
    if (notification) this.announce(notification);
  }

  private lost(client: Client, error?: unknown): void {
    if (this.client && this.client !== client) return;
    this.client = undefined;
    client.removeAllListeners('end');
    void client.end().catch((closeError: unknown) => this.logger.debug({ err: closeError }, 'LISTEN close'));
    if (this.stopped || this.retry) return;
    this.logger.warn({ err: error }, 'event LISTEN connection lost; reconnecting');
    this.retry = setTimeout(() => {
      this.retry = undefined;
      if (!this.stopped) void this.connect();
    }, RECONNECT_MS);
  }
}
