import ipaddr from 'ipaddr.js';
import { AuthenticationError, RateLimitedError } from '../errors/AppError';

/** Where the credentials were presented (a metrics label). */
export type AuthSurface = 'api_key' | 'sign_in' | 'webhook_verify_token' | 'console_outbox' | 'metrics';

export interface AuthThrottle {
  /** The client key: an IPv4 address, or the /64 of an IPv6 one. */
  client: string;
  surface: AuthSurface;
  failures: number;
  windowSeconds: number;
}

export interface AuthFailureGuardOptions {
  /** Failed attempts allowed per client per window; the next attempt is answered 429. */
  limit: number;
  windowMs: number;
  /** Called once per client and window, when the limit is reached. */
  onThrottle(throttle: AuthThrottle): void;
  onFailure?(surface: AuthSurface): void;
  onRefusal?(surface: AuthSurface): void;
  now?: () => number;
}

/** Enough for every address of a busy week; past it, the oldest windows are dropped first. */
const MAX_CLIENTS = 100_000;

/**
 * Failed authentications counted per client address in fixed windows, in this process's memory
 * (an attacker spread over N instances gets N times the budget; each instance still stops them).
 * Once a client reaches the limit, every attempt from it is refused with 429 until its window
 * ends, valid credentials included: otherwise guessing would go on, answered 429 or 200.
 */
export class AuthFailureGuard {
  private readonly windows = new Map<string, { failures: number; endsAt: number }>();
  private readonly now: () => number;

  constructor(private readonly options: AuthFailureGuardOptions) {
    this.now = options.now ?? Date.now;
  }

  /** Runs `attempt`, refusing it up front when the client is throttled and counting wrong credentials. */
  async guard<T>(address: string | undefined, surface: AuthSurface, attempt: () => Promise<T>): Promise<T> {
    this.assertAllowed(address, surface);
    try {
      return await attempt();
    } catch (error) {
      // Wrong credentials count; none at all (UNAUTHENTICATED) is no guess.
      if (error instanceof AuthenticationError && error.code !== 'UNAUTHENTICATED')
        this.failed(address, surface);
      throw error;
    }
  }

  assertAllowed(address: string | undefined, surface: AuthSurface): void {
    const window = this.windows.get(clientKey(address));
    const now = this.now();
    if (!window || window.endsAt <= now || window.failures < this.options.limit) return;
    this.options.onRefusal?.(surface);
    throw new RateLimitedError(Math.ceil((window.endsAt - now) / 1000));
  }

  failed(address: string | undefined, surface: AuthSurface): void {
    this.options.onFailure?.(surface);
    const client = clientKey(address);
    const now = this.now();
    let window = this.windows.get(client);
    if (!window || window.endsAt <= now) {
      this.windows.delete(client);
      this.makeRoom(now);
      window = { failures: 0, endsAt: now + this.options.windowMs };
      this.windows.set(client, window);
    }
    window.failures++;
    if (window.failures === this.options.limit)
      this.options.onThrottle({
        client,
        surface,
        failures: window.failures,
        windowSeconds: Math.round(this.options.windowMs / 1000),
      });
  }

  private makeRoom(now: number): void {
    if (this.windows.size < MAX_CLIENTS) return;
    for (const [client, window] of this.windows) if (window.endsAt <= now) this.windows.delete(client);
    for (const client of this.windows.keys()) {
      if (this.windows.size < MAX_CLIENTS) break;
      this.windows.delete(client);
    }
  }
}

/** IPv6 clients are counted by /64: one subscriber usually holds the whole prefix. */
function clientKey(address: string | undefined): string {
  if (!address || !ipaddr.isValid(address)) return address || 'unknown';
  const ip = ipaddr.process(address);
  if (ip.kind() === 'ipv4') return ip.toString();
  return `${(ip as ipaddr.IPv6).toNormalizedString().split(':').slice(0, 4).join(':')}::/64`;
}
