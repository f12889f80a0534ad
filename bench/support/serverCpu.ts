import { Client } from 'pg';
import { processTicks } from './cpuUsage';

/** /proc ticks (1/100 s) of a server process and of each of its PostgreSQL backends. */
export interface CpuSnapshot {
  server: number;
  backends: Map<number, number>;
}

/**
 * CPU time a server process and its PostgreSQL sessions spent between two snapshots (less
 * sensitive to other load on the machine than a rate), and the transactions committed on its
 * database.
 */
export class ServerCpu {
  private constructor(
    private readonly monitor: Client,
    private readonly database: string,
  ) {}

  static async connect(url: string): Promise<ServerCpu> {
    const monitor = new Client({ connectionString: url, application_name: 'wa-ops-bench-monitor' });
    await monitor.connect();
    return new ServerCpu(monitor, new URL(url).pathname.slice(1));
  }

  async snapshot(serverPid: number): Promise<CpuSnapshot> {
    const server = processTicks(String(serverPid));
    const { rows } = await this.monitor.query<{ pid: number }>(
      `SELECT pid FROM pg_stat_activity WHERE datname = $1 AND application_name = 'wa-ops'`,
      [this.database],
    );
    return { server, backends: new Map(rows.map((r) => [r.pid, processTicks(String(r.pid))])) };
  }

  /**
   * Transactions committed on the database (pg_stat_database). Backends report theirs when idle
   * or on exit, so read it with the server stopped.
   */
  async commits(): Promise<number> {
    const { rows } = await this.monitor.query<{ commits: string }>(
      `SELECT xact_commit AS commits FROM pg_stat_database WHERE datname = $1`,
      [this.database],
    );
    return Number(rows[0]?.commits ?? 0);
  }

  /** Seconds of CPU of the server and of its backends between two snapshots (new backends from zero). */
  static between(from: CpuSnapshot, to: CpuSnapshot): { server: number; postgres: number } {
    let postgres = 0;
    for (const [pid, ticks] of to.backends) postgres += ticks - (from.backends.get(pid) ?? 0);
    return { server: (to.server - from.server) / 100, postgres: postgres / 100 };
  }

  close(): Promise<void> {
    return this.monitor.end();
  }
}
