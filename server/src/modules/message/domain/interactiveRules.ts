import type { FieldProblem } from '../../../shared/errors/AppError';
import type { InteractiveCall } from './outboundKinds';

/**
 * WhatsApp's limits on interactive messages (Meta's reply-button, list and CTA URL message pages;
 * where the OpenAPI document disagrees the pages win: a list has at most 10 rows in all and a
 * body of up to 4096 characters). Lengths are in characters as WhatsApp counts them.
 */
export const INTERACTIVE_LIMITS = {
  body: 1024,
  listBody: 4096,
  header: 60,
  footer: 60,
  buttons: 3,
  buttonTitle: 20,
  buttonId: 256,
  listButton: 20,
  sections: 10,
  rows: 10,
  sectionTitle: 24,
  rowTitle: 24,
  rowDescription: 72,
  rowId: 200,
  ctaDisplayText: 20,
} as const;

/** Length in characters as WhatsApp counts them (code points, so an emoji is one). */
export const charLength = (value: string): number => [...value].length;

class Problems {
  readonly list: FieldProblem[] = [];
  constructor(private readonly root: string) {}

  length(field: string, value: string | undefined, max: number): void {
    if (value === undefined) return;
    const n = charLength(value);
    if (n < 1 || n > max) this.add(field, `must have 1–${max} characters (has ${n})`);
  }

  count(field: string, n: number, max: number, what: string): void {
    if (n < 1 || n > max) this.add(field, `must have 1–${max} ${what} (has ${n})`);
  }

  unique(field: string, values: string[], what: string): void {
    if (new Set(values).size !== values.length) this.add(field, `${what} must be unique`);
  }

  add(field: string, message: string): void {
    this.list.push({ field: `${this.root}${field}`, message });
  }
}

/** Every way `call` breaks WhatsApp's limits, each naming its field under `root` (`interactive`). */
export function interactiveProblems(call: InteractiveCall, root = 'interactive'): FieldProblem[] {
  const p = new Problems(root);
  const L = INTERACTIVE_LIMITS;
  p.length('.body', call.body, call.type === 'list' ? L.listBody : L.body);
  p.length('.header', call.header, L.header);
  p.length('.footer', call.footer, L.footer);
  if (call.type === 'button') {
    p.count('.buttons', call.buttons.length, L.buttons, 'buttons');
    call.buttons.forEach((b, i) => {
      p.length(`.buttons[${i}].title`, b.title, L.buttonTitle);
      p.length(`.buttons[${i}].id`, b.id, L.buttonId);
    });
    p.unique(
      '.buttons',
      call.buttons.map((b) => b.title),
      'button titles',
    );
    p.unique(
      '.buttons',
      call.buttons.map((b) => b.id),
      'button ids',
    );
  } else if (call.type === 'list') {
    const rows = call.sections.flatMap((s) => s.rows);
    p.length('.buttonText', call.buttonText, L.listButton);
    p.count('.sections', call.sections.length, L.sections, 'sections');
    p.count('.sections', rows.length, L.rows, 'rows in all');
    call.sections.forEach((s, i) => {
      if (call.sections.length > 1 && !s.title)
        p.add(`.sections[${i}].title`, 'is required with several sections');
      p.length(`.sections[${i}].title`, s.title, L.sectionTitle);
      if (!s.rows.length) p.add(`.sections[${i}].rows`, 'must have rows');
      s.rows.forEach((r, j) => {
        p.length(`.sections[${i}].rows[${j}].title`, r.title, L.rowTitle);
        p.length(`.sections[${i}].rows[${j}].id`, r.id, L.rowId);
        p.length(`.sections[${i}].rows[${j}].description`, r.description, L.rowDescription);
      });
    });
    p.unique(
      '.sections',
      rows.map((r) => r.id),
      'row ids',
    );
  } else {
    p.length('.displayText', call.displayText, L.ctaDisplayText);
    if (!/^https?:\/\//i.test(call.url)) p.add('.url', 'must be an http(s) URL');
  }
  return p.list;
}
