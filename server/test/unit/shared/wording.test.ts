import { expect } from 'chai';
import { hasWording, wordingOf } from '../../../src/shared/wording';

describe('wordingOf', () => {
  it('reads a language code by its base language: English, Spanish or Portuguese, else English', () => {
    const read = ['en', 'es', 'es_AR', 'ES-mx', 'pt', 'pt_BR', 'fr', 'fil', 'de_DE'].map(wordingOf);
    expect(read).to.deep.equal(['en', 'es', 'es', 'es', 'pt', 'pt', 'en', 'en', 'en']);
  });

  it('says which codes have words of their own', () => {
    expect(['en_US', 'es', 'pt-BR', 'fr', 'esperanto'].map(hasWording)).to.deep.equal([
      true,
      true,
      true,
      false,
      false,
    ]);
  });
});
