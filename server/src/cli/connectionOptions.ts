import { readFileSync, statSync } from 'node:fs';
import type { ConnectionInput } from '../modules/connection/application/connectionInput';
import { PROVIDERS, type ProviderName } from '../shared/providers';
import { ValidationError } from '../shared/errors/AppError';
import { json, text } from './cliSupport';
import { UsageError } from './UsageError';

/** Each secret comes from `--<name>-file F` or `--<name>-env VAR`: never argv, which `ps` and shell history keep. */
const SECRETS = {
  accessToken: 'access-token',
  webhookSecret: 'webhook-secret',
  apiKey: 'api-key',
  twilioAuthToken: 'twilio-auth-token',
} as const;
type SecretField = keyof typeof SECRETS;
const MAX_SECRET_FILE = 64 * 1024;

const PLAIN = {
  provider: 'provider',
  phoneNumber: 'phone-number',
  phoneNumberId: 'phone-number-id',
  businessAccountId: 'business-account-id',
  verifyToken: 'verify-token',
  twilioAccountSid: 'twilio-account-sid',
} as const;

export const CONNECTION_OPTIONS = {
  json,
  ...Object.fromEntries(Object.values(PLAIN).map((flag) => [flag, text])),
  ...Object.fromEntries(
    Object.values(SECRETS).flatMap((flag) => [
      [`${flag}-file`, text],
      [`${flag}-env`, text],
    ]),
  ),
} as Record<string, typeof text | typeof json>;

/** Refuses a secret written on the command line before anything parses (or echoes) it. */
export function refuseSecretsInArgv(args: string[]): void {
  for (const arg of args) {
    const flag = /^--([a-z-]+)(=|$)/.exec(arg)?.[1];
    const secret = Object.values(SECRETS).find((s) => s === flag);
    if (secret)
      throw new UsageError(
        `secrets are not taken on the command line (ps and shell history keep it): use --${secret}-file FILE or --${secret}-env VARIABLE`,
      );
  }
}

/** What the options state, secrets read from their files or variables. */
export function connectionInputOf(
  o: Record<string, string | boolean | undefined>,
  env: Record<string, string | undefined>,
): ConnectionInput {
  const given = (flag: string) => o[flag] as string | undefined;
  const provider = given(PLAIN.provider);
  if (provider !== undefined && !(PROVIDERS as readonly string[]).includes(provider))
    throw new UsageError(`--provider must be one of ${PROVIDERS.join(', ')}`);
  const input: ConnectionInput = {
    provider: provider as ProviderName | undefined,
    phoneNumber: given(PLAIN.phoneNumber),
    phoneNumberId: given(PLAIN.phoneNumberId),
    businessAccountId: given(PLAIN.businessAccountId),
    verifyToken: given(PLAIN.verifyToken),
    twilioAccountSid: given(PLAIN.twilioAccountSid),
  };
  for (const [field, flag] of Object.entries(SECRETS) as Array<[SecretField, string]>)
    input[field] = readSecret(flag, given(`${flag}-file`), given(`${flag}-env`), env);
  return Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined)) as ConnectionInput;
}

function readSecret(
  flag: string,
  file: string | undefined,
  variable: string | undefined,
  env: Record<string, string | undefined>,
): string | undefined {
  if (file !== undefined && variable !== undefined)
    throw new UsageError(`give --${flag}-file or --${flag}-env, not both`);
  if (variable !== undefined) {
    const value = env[variable]?.trim();
    if (!value) throw new UsageError(`--${flag}-env: the environment variable ${variable} is not set`);
    return value;
  }
  if (file === undefined) return undefined;
  let value: string;
  try {
    if (statSync(file).size > MAX_SECRET_FILE)
      throw new UsageError(`--${flag}-file ${file} is too large for a secret`);
    value = readFileSync(file, 'utf8').trim();
  } catch (error) {
    if (error instanceof UsageError) throw error;
    throw new UsageError(
      `--${flag}-file: cannot read ${file} (${(error as NodeJS.ErrnoException).code ?? 'error'})`,
    );
  }
  if (!value) throw new UsageError(`--${flag}-file ${file} is empty`);
  return value;
}

const FLAG_OF: Record<string, string> = {
  ...Object.fromEntries(Object.entries(PLAIN).map(([field, flag]) => [field, `--${flag}`])),
  ...Object.fromEntries(Object.entries(SECRETS).map(([field, flag]) => [field, `--${flag}-file (or -env)`])),
};

/** A use case's field problems, told with the option that sets each field. */
export async function withOptionNames<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof ValidationError && error.fields.length)
      throw new UsageError(error.fields.map((f) => `${FLAG_OF[f.field] ?? f.field} ${f.message}`).join('; '));
    throw error;
  }
}
