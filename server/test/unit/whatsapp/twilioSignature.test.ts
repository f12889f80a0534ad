import { expect } from 'chai';
import twilio from 'twilio';
import { twilioSignature, verifyTwilioSignature } from '../../../src/whatsapp/inbound/twilioSignature';
import {
  fixtureNames,
  fixtureSignature,
  loadFormFixture,
  signatures,
  TWILIO_AUTH_TOKEN,
} from '../../support/fixtures';

describe('Twilio signatures', () => {
  const twilioFixtures = fixtureNames('twilio-', '.form');

  const vector = {
    token: '12345',
    url: 'https://mycompany.com/myapp.php?foo=1&bar=2',
    params: {
      CallSid: 'CA1234567890ABCDE',
      Caller: '+14158675309',
      Digits: '1234',
      From: '+14158675309',
      To: '+18005551212',
    },
    signature: 'RSOYDt4T1cUTdK1PDd93/VVr8B8=',
  };

  it('uses the auth token the fixture README documents', () => {
    expect(signatures().twilio.auth_token).to.equal(TWILIO_AUTH_TOKEN);
  });

  it('has a recorded signature for every Twilio fixture', () => {
    expect(twilioFixtures).to.have.length.greaterThan(0);
    expect(Object.keys(signatures().twilio.files).sort()).to.deep.equal(twilioFixtures);
  });

  it("reproduces twilio-node's published test vector", () => {
    expect(twilioSignature(vector.token, vector.url, vector.params)).to.equal(vector.signature);
    expect(twilio.getExpectedTwilioSignature(vector.token, vector.url, vector.params)).to.equal(
      vector.signature,
    );
    expect(verifyTwilioSignature(vector.token, vector.signature, vector.url, vector.params)).to.equal(true);
  });

  for (const name of twilioFixtures) {
    describe(name, () => {
      const params = loadFormFixture(name);
      const { url, signature } = fixtureSignature(name) as { url: string; signature: string };

      it('signs exactly like the official twilio package', () => {
        expect(twilioSignature(TWILIO_AUTH_TOKEN, url, params)).to.equal(
          twilio.getExpectedTwilioSignature(TWILIO_AUTH_TOKEN, url, params),
        );
      });

      it('verifies the recorded X-Twilio-Signature for the recorded URL', () => {
        expect(verifyTwilioSignature(TWILIO_AUTH_TOKEN, signature, url, params)).to.equal(true);
      });

      it('rejects the recorded signature once a parameter is tampered with', () => {
        const tampered = { ...params, From: `${params.From}0` };
        expect(verifyTwilioSignature(TWILIO_AUTH_TOKEN, signature, url, tampered)).to.equal(false);
      });

      it('rejects the recorded signature once a parameter is added', () => {
        expect(verifyTwilioSignature(TWILIO_AUTH_TOKEN, signature, url, { ...params, Extra: '1' })).to.equal(
          false,
        );
      });

      it('rejects the recorded signature for another URL', () => {
        expect(verifyTwilioSignature(TWILIO_AUTH_TOKEN, signature, `${url}/other`, params)).to.equal(false);
      });
    });
  }

  it('rejects a signature made with another auth token', () => {
    const params = loadFormFixture('twilio-inbound.form');
    const { url } = fixtureSignature('twilio-inbound.form') as { url: string };
    const forged = twilioSignature('another_token', url, params);
    expect(verifyTwilioSignature(TWILIO_AUTH_TOKEN, forged, url, params)).to.equal(false);
  });

  it('returns false for a missing, empty or wrong-length header and for an empty auth token', () => {
    const { token, url, params, signature } = vector;
    expect(verifyTwilioSignature(token, undefined, url, params)).to.equal(false);
    expect(verifyTwilioSignature(token, '', url, params)).to.equal(false);
    expect(verifyTwilioSignature(token, signature.slice(0, -1), url, params)).to.equal(false);
    expect(verifyTwilioSignature(token, `${signature}=`, url, params)).to.equal(false);
    expect(verifyTwilioSignature('', twilioSignature('', url, params), url, params)).to.equal(false);
  });

  it('does not throw on a URL that cannot be parsed', () => {
    expect(verifyTwilioSignature('12345', 'x', 'not a url', {})).to.equal(false);
  });

  it('accepts a URL signed with the default port when called without it, and the reverse', () => {
    const { token, params } = vector;
    const withPort = 'https://mycompany.com:443/myapp.php?foo=1&bar=2';
    const withoutPort = 'https://mycompany.com/myapp.php?foo=1&bar=2';
    const signedWithPort = twilioSignature(token, withPort, params);
    expect(verifyTwilioSignature(token, signedWithPort, withoutPort, params)).to.equal(true);
    expect(twilio.validateRequest(token, signedWithPort, withoutPort, params)).to.equal(true);
    expect(verifyTwilioSignature(token, vector.signature, withPort, params)).to.equal(true);
    expect(twilio.validateRequest(token, vector.signature, withPort, params)).to.equal(true);
  });

  it('accepts the same URL variants as twilio-node for a normalised query string', () => {
    const token = '12345';
    const received = "https://example.com/hook?name=O'Brien&x=a b";
    const cases: Array<[signedUrl: string, accepted: boolean]> = [
      [received, true],
      ['https://example.com/hook?name=O%27Brien&x=a%20b', true],
      ["https://example.com/hook?name=O'Brien&x=a%20b", true],
      ['https://example.com:443/hook?name=O%27Brien&x=a%20b', true],
      ['https://example.com/hook?name=O%27Brien&x=a+b', false],
    ];
    for (const [signedUrl, accepted] of cases) {
      const signature = twilioSignature(token, signedUrl, {});
      expect(twilio.validateRequest(token, signature, received, {}), `twilio-node, ${signedUrl}`).to.equal(
        accepted,
      );
      expect(verifyTwilioSignature(token, signature, received, {}), signedUrl).to.equal(accepted);
    }
  });

  it('appends array values de-duplicated and sorted, like twilio-node', () => {
    const params = { MediaUrl: ['b', 'a', 'b'], Body: 'x' };
    const url = 'https://example.com/hook';
    expect(twilioSignature('12345', url, params)).to.equal(
      twilio.getExpectedTwilioSignature('12345', url, params as unknown as Record<string, string>),
    );
    expect(twilioSignature('12345', url, params)).to.equal(
      twilioSignature('12345', url, { Body: 'x', MediaUrl: ['a', 'b'] }),
    );
  });
});
