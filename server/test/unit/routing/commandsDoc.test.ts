import fs from 'node:fs';
import path from 'node:path';
import { expect } from 'chai';
import { CUSTOMER_PHRASES, parseCustomerIntent } from '../../../src/routing/parse/parseCustomerIntent';
import { matchStaffKeyword, STAFF_KEYWORDS } from '../../../src/routing/parse/matchStaffKeyword';

// Fenced examples left out: only the prose and tables name commands in backticks.
const doc = fs
  .readFileSync(path.join(__dirname, '../../../../docs/commands.md'), 'utf8')
  .replace(/```[\s\S]*?```/g, '');
const codes = (text: string) => [...text.matchAll(/`([^`]+)`/g)].map((m) => m[1]);

/** The backticked words of the bullet that starts with `**<label>**`. */
function bullet(label: string): string[] {
  const start = doc.indexOf(`- **${label}**`);
  expect(start, `docs/commands.md has no bullet **${label}**`).to.be.greaterThan(-1);
  const end = doc.indexOf('\n- ', start + 1);
  return codes(doc.slice(start, end));
}

describe('docs/commands.md', () => {
  it('names every staff keyword the router reads', () => {
    const documented = new Set(codes(doc).map((c) => c.split(' ')[0]));
    for (const keyword of Object.keys(STAFF_KEYWORDS))
      expect(documented, keyword).to.include(keyword.toUpperCase());
    expect(doc).to.include('`CHECK IN`');
  });

  it('documents aliases the router reads as the command they stand for', () => {
    const table = doc.slice(doc.indexOf('| command | also |'), doc.indexOf('`STATUS TRP123` answers'));
    for (const row of table
      .split('\n')
      .slice(2)
      .filter((l) => l.startsWith('|'))) {
      const [command, ...aliases] = codes(row);
      const verb = matchStaffKeyword(`${command} TRP1`)?.verb;
      expect(verb, command).to.exist;
      for (const alias of aliases) expect(matchStaffKeyword(`${alias} TRP1`)?.verb, alias).to.equal(verb);
    }
  });

  it('lists every customer word and phrase, each doing what the page says', () => {
    const sections = {
      opt_out: bullet('Opt-out'),
      opt_in: bullet('Opt-in'),
      booking_status: bullet('Booking status'),
      payment: bullet('Payment'),
    };
    for (const [kind, words] of Object.entries(sections)) {
      for (const phrase of CUSTOMER_PHRASES[kind as keyof typeof sections])
        expect(words, kind).to.include(phrase);
      for (const phrase of words) expect(parseCustomerIntent(phrase).kind, phrase).to.equal(kind);
    }
    for (const id of CUSTOMER_PHRASES.reply_ids) expect(bullet('Buttons'), id).to.include(id);
  });
});
