import { expect } from 'chai';
import { asksForPerson } from '../../../src/modules/autoresponder/domain/asksForPerson';
import type { AutoReplyRule } from '../../../src/modules/autoresponder/domain/AutoResponderSettings';
import { patternProblem, ruleMatcher } from '../../../src/modules/autoresponder/domain/ruleMatching';

const rule = (match: AutoReplyRule['match'], text: string): AutoReplyRule => ({
  match,
  reply: { text },
  handoff: false,
});

describe('auto-reply rules (SPEC §23)', () => {
  const rules = [
    rule({ keywords: ['price', 'precio', 'how much'] }, 'prices'),
    rule({ pattern: '\\b(refund|reembolso)s?\\b' }, 'refunds'),
    rule({ keywords: ['price list'] }, 'never: the first rule wins'),
  ];
  const match = ruleMatcher(rules);
  const reply = (text: string) => {
    const found = match(text);
    return found && 'text' in found.reply ? found.reply.text : undefined;
  };

  it('matches keywords as words, ignoring case and accents; the first matching rule wins', () => {
    expect(reply('What is the PRICE list?')).to.equal('prices');
    expect(reply('¿Cuál es el précio?')).to.equal('prices');
    expect(reply('How much for 2?')).to.equal('prices');
    expect(reply('priceless views')).to.equal(undefined);
  });

  it('matches patterns case-insensitively', () => {
    expect(reply('Quiero un REEMBOLSO')).to.equal('refunds');
    expect(reply('refunding')).to.equal(undefined);
  });

  it('runs a catastrophic pattern in linear time (RE2), so no message can hang the process', () => {
    const evil = ruleMatcher([rule({ pattern: '(a+)+$' }, 'x'), rule({ pattern: '(.*a){20}' }, 'y')]);
    const started = process.hrtime.bigint();
    expect(evil(`${'a'.repeat(4000)}!`)).to.not.equal(undefined);
    expect(evil('b'.repeat(4000))).to.equal(undefined);
    expect(Number(process.hrtime.bigint() - started) / 1e6).to.be.below(500);
  });

  it('refuses patterns RE2 cannot run in linear time or cannot parse', () => {
    expect(patternProblem('(a)\\1')).to.be.a('string');
    expect(patternProblem('(?=a)b')).to.be.a('string');
    expect(patternProblem('([a-z')).to.be.a('string');
    expect(patternProblem('^(hola|hi)\\b')).to.equal(undefined);
  });
});

describe('a customer asking for a person', () => {
  it('is understood in English and Spanish', () => {
    for (const text of [
      'Can I talk to a human?',
      'I want to speak with someone',
      'real person please',
      'Quiero hablar con una persona',
      'me comunica con un asesor?',
      'AGENTE',
      'hablar con alguien por favor',
    ])
      expect(asksForPerson(text), text).to.equal(true);
  });

  it('is not read into ordinary enquiries', () => {
    for (const text of [
      '2 people for Iguazu in March',
      'somos 2 personas para diciembre',
      'una persona, en enero',
      'price?',
    ])
      expect(asksForPerson(text), text).to.equal(false);
  });
});
