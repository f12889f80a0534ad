import fs from 'node:fs';

/** CPU ticks of the whole machine, and of the bench's own processes (Linux /proc; undefined elsewhere). */
export interface CpuSample {
  total: number;
  busy: number;
  ours: number;
}

const read = (file: string) => {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
};

/** utime + stime of one process (all its threads). */
export function processTicks(pid: string): number {
  const stat = read(`/proc/${pid}/stat`);
  if (!stat) return 0;
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return Number(fields[11]) + Number(fields[12]);
}

/** Every PostgreSQL process on the machine (Linux /proc). */
export const postgresPids = (): string[] =>
  fs.readdirSync('/proc').filter((p) => /^\d+$/.test(p) && read(`/proc/${p}/comm`) === 'postgres\n');

/** `pids` (parent, servers) plus every postgres process count as "ours": the bench's own load. */
export function sampleCpu(pids: number[]): CpuSample | undefined {
  const line = read('/proc/stat')?.split('\n')[0];
  if (!line?.startsWith('cpu ')) return undefined;
  const [user, nice, system, idle, iowait, irq, softirq, steal] = line.split(/\s+/).slice(1).map(Number);
  const postgres = postgresPids();
  return {
    total: user + nice + system + idle + iowait + irq + softirq + steal,
    busy: user + nice + system + irq + softirq + steal,
    ours: [...pids.map(String), ...postgres].reduce((sum, pid) => sum + processTicks(pid), 0),
  };
}

/** Share of the machine (0–100 %) used between two samples by processes that are not the bench's. */
export function foreignCpuPercent(before?: CpuSample, after?: CpuSample): number {
  if (!before || !after || after.total === before.total) return NaN;
  const foreign = after.busy - before.busy - (after.ours - before.ours);
  return Math.max(0, (foreign / (after.total - before.total)) * 100);
}

/**
 * Waits (at most `maxSeconds`) until other processes use less than `percent` of the machine over a
 * one-second window; returns the last measured share.
 */
export async function waitForQuiet(pids: number[], percent: number, maxSeconds: number): Promise<number> {
  let foreign = NaN;
  for (let waited = 0; waited < maxSeconds; waited++) {
    const before = sampleCpu(pids);
    await new Promise((resolve) => setTimeout(resolve, 1000));
    foreign = foreignCpuPercent(before, sampleCpu(pids));
    if (!(foreign >= percent)) return foreign;
  }
  return foreign;
}
