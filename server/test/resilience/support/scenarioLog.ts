/** One line per scenario under the test's title: what the load saw (evidence for docs/performance.md). */
export function logScenario(facts: Record<string, unknown>): void {
  const text = Object.entries(facts)
    .map(([key, value]) => `${key}=${typeof value === 'object' ? JSON.stringify(value) : String(value)}`)
    .join('  ');
  process.stdout.write(`      · ${text}\n`);
}
