import { expect } from 'chai';
import { storableJson } from '../../../src/whatsapp/inbox/storableJson';

describe('storableJson', () => {
  it('keeps the received text when jsonb takes it as it is, escaped emoji included', () => {
    const json = '{"text":{"body":"hola \\ud83d\\ude00 \\u00bfqu\\u00e9?"}}';
    expect(storableJson(JSON.parse(json), json)).to.equal(json);
  });

  it('replaces NUL characters in values and keys with U+FFFD', () => {
    const json = '{"body":"a\\u0000b","\\u0000":"x"}';
    expect(JSON.parse(storableJson(JSON.parse(json), json))).to.deep.equal({
      body: 'a\uFFFDb',
      '\uFFFD': 'x',
    });
  });

  it('replaces unpaired surrogates, high or low, and keeps real pairs', () => {
    const json = '["\\ud800x","y\\udc00","\\ud83d\\ude00","\\ud83d"]';
    expect(JSON.parse(storableJson(JSON.parse(json), json))).to.deep.equal([
      '\uFFFDx',
      'y\uFFFD',
      '😀',
      '\uFFFD',
    ]);
  });

  it('serialises the payload itself when no text is given (Twilio form parameters)', () => {
    expect(storableJson({ Body: 'stop\u0000' })).to.equal('{"Body":"stop\uFFFD"}');
    expect(storableJson({ Body: 'fine' })).to.equal('{"Body":"fine"}');
  });
});
