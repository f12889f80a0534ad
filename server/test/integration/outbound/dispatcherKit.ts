import { FakeProviderServer } from '../../support/FakeProviderServer';
import { OutboundDispatcher } from '../../../src/whatsapp/outbound/dispatch/OutboundDispatcher';
import { OutboundSender } from '../../../src/whatsapp/outbound/dispatch/OutboundSender';
import {
  ACCESS_TOKEN,
  D360_API_KEY,
  outboundKit,
  TWILIO_ACCOUNT_SID,
  TWILIO_AUTH_TOKEN,
  type OutboundKit,
} from './outboundKit';
import type { ProviderName } from '../../../src/shared/providers';

export interface DispatcherKit extends OutboundKit {
  fake: FakeProviderServer;
  dispatcher: OutboundDispatcher;
}

/** An outbound kit whose number talks to the fake provider server (any provider); backoff jitter fixed at half. */
export async function dispatcherKit(
  fake: FakeProviderServer,
  env: Record<string, string> = {},
  provider: ProviderName = 'meta',
): Promise<DispatcherKit> {
  fake.tokens.add(ACCESS_TOKEN);
  fake.apiKeys.add(D360_API_KEY);
  fake.outbound.twilioAccounts.set(TWILIO_ACCOUNT_SID, TWILIO_AUTH_TOKEN);
  const kit = await outboundKit({ WHATSAPP_PROVIDER: provider, ...env }, provider, fake.url);
  return withDispatcher(kit, fake);
}

export function withDispatcher(kit: OutboundKit, fake: FakeProviderServer): DispatcherKit {
  kit.container.get(OutboundSender).random = () => 0.5;
  return { ...kit, fake, dispatcher: kit.container.get(OutboundDispatcher) };
}

/** Polls `check` until it holds (no fixed sleeps); fails after `timeoutMs`. */
export async function waitFor(check: () => Promise<boolean>, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
