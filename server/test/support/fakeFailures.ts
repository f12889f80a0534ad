import type http from 'node:http';

/**
 * What the fake answers instead of a success (see FakeOutboundApi.failNext):
 * - `graphError(131047)`: Graph's error body `{"error":{message,type,code,error_subcode?,
 *   error_data:{messaging_product,details},fbtrace_id}}` with the status Meta uses for that code;
 * - `twilioError(63016)`: Twilio's `{"code","message","more_info","status"}`;
 * - `httpStatus(503)`: a bare status (optionally with a body);
 * - `tooManyRequests(30)`: 429 with `Retry-After: 30`;
 * - `noAnswer()`: the request hangs until the client gives up (a timeout).
 */
export type FakeFailure =
  | { type: 'graph'; code: number; status: number; message: string; details?: string; subcode?: number }
  | { type: 'twilio'; code: number; status: number; message: string }
  | { type: 'http'; status: number; body?: unknown; retryAfter?: string }
  | { type: 'hang' };

const GRAPH_TITLES: Record<number, string> = {
  4: 'Application request limit reached',
  100: 'Invalid parameter',
  131000: 'Something went wrong',
  131026: 'Message undeliverable',
  131047: 'Re-engagement message',
  131050: 'User has stopped marketing messages',
  131051: 'Unsupported message type',
  131056: '(Business Account, Consumer Account) pair rate limit hit',
  130429: 'Rate limit hit',
  132000: 'Number of parameters does not match the expected number of params',
  132001: 'Template name does not exist in the translation',
  132015: 'Template is Paused',
  132016: 'Template is Disabled',
  80007: 'Rate limit issues',
};
const GRAPH_STATUS: Record<number, number> = {
  190: 401,
  10: 403,
  200: 403,
  368: 403,
  131000: 500,
  131031: 403,
};
const TWILIO_STATUS: Record<number, number> = { 20003: 401, 20429: 429, 20500: 500 };

export const graphError = (
  code: number,
  options: { status?: number; message?: string; details?: string; subcode?: number } = {},
): FakeFailure => ({
  type: 'graph',
  code,
  status: options.status ?? GRAPH_STATUS[code] ?? 400,
  message:
    options.message ??
    (code === 190 ? 'Error validating access token' : `(#${code}) ${GRAPH_TITLES[code] ?? 'Error'}`),
  details: options.details ?? (code === 190 ? undefined : `${GRAPH_TITLES[code] ?? 'Error'} (details)`),
  subcode: options.subcode,
});

export const twilioError = (
  code: number,
  options: { status?: number; message?: string } = {},
): FakeFailure => ({
  type: 'twilio',
  code,
  status: options.status ?? TWILIO_STATUS[code] ?? 400,
  message: options.message ?? `Twilio error ${code}`,
});

export const httpStatus = (status: number, body?: unknown): FakeFailure => ({ type: 'http', status, body });

export const tooManyRequests = (retryAfterSeconds: number): FakeFailure => ({
  type: 'http',
  status: 429,
  retryAfter: String(retryAfterSeconds),
});

export const noAnswer = (): FakeFailure => ({ type: 'hang' });

/** Writes the failure; a hang leaves the response open until the client or the server closes it. */
export function answerFailure(res: http.ServerResponse, failure: FakeFailure): void {
  if (failure.type === 'hang') return;
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  let body: unknown;
  if (failure.type === 'graph')
    body = {
      error: {
        message: failure.message,
        type: 'OAuthException',
        code: failure.code,
        ...(failure.subcode === undefined ? {} : { error_subcode: failure.subcode }),
        ...(failure.details === undefined
          ? {}
          : { error_data: { messaging_product: 'whatsapp', details: failure.details } }),
        fbtrace_id: `Fake${failure.code}Trace`,
      },
    };
  else if (failure.type === 'twilio')
    body = {
      code: failure.code,
      message: failure.message,
      more_info: `https://www.twilio.com/docs/errors/${failure.code}`,
      status: failure.status,
    };
  else {
    body = failure.body;
    if (failure.retryAfter) headers['retry-after'] = failure.retryAfter;
  }
  const text = body === undefined ? '' : typeof body === 'string' ? body : JSON.stringify(body);
  res.writeHead(failure.status, { ...headers, 'content-length': String(Buffer.byteLength(text)) });
  res.end(text);
}
