/** One timeline row as read for printing. */
export interface TimelineRow {
  created_at: Date;
  event_type: string;
  source: string;
  actor: string | null;
  content: Record<string, unknown>;
}

const TEXT_KEYS = ['text', 'description', 'note', 'caption', 'transcript', 'message', 'reason'];

/** `09:00:01  SYSTEM   LEAD_CREATED       Sofía (sales)   "Hi! 4 people…"` */
export function formatTimeline(title: string, rows: TimelineRow[], names: Map<string, string>): string[] {
  const lines = [``, `── ${title} ${'─'.repeat(Math.max(0, 72 - title.length))}`];
  for (const r of rows) {
    const time = r.created_at.toISOString().slice(11, 19);
    const action = String(r.content.action ?? r.event_type);
    const who = r.actor ? (names.get(r.actor) ?? r.actor) : r.source.toLowerCase();
    const words = TEXT_KEYS.map((k) => r.content[k]).find((v) => typeof v === 'string' && v) as
      string | undefined;
    const facts = Object.entries(r.content)
      .filter(
        ([k, v]) =>
          !['action', ...TEXT_KEYS].includes(k) &&
          /ref|amount|status|currency|partySize|slots|customers|staff/i.test(k) &&
          v != null,
      )
      .map(([k, v]) => `${k}=${String(v)}`);
    lines.push(
      `  ${time}  ${r.event_type.padEnd(13)} ${action.padEnd(22)} ${who.padEnd(20)} ${[
        ...facts,
        words ? `"${words}"` : '',
      ]
        .filter(Boolean)
        .join(' ')}`.trimEnd(),
    );
  }
  if (!rows.length) lines.push('  (nothing)');
  return lines;
}
