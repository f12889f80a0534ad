/** What Meta's Embedded Signup yields: FB.login's code and the session message's ids. */
export interface SignupResult {
  code: string;
  wabaId: string;
  phoneNumberId: string;
}

interface FacebookSdk {
  init(options: { appId: string; autoLogAppEvents: boolean; xfbml: boolean; version: string }): void;
  login(
    callback: (response: { authResponse?: { code?: string } | null }) => void,
    options: Record<string, unknown>,
  ): void;
}
declare global {
  interface Window {
    FB?: FacebookSdk;
    fbAsyncInit?: () => void;
  }
}

export const SDK_URL = 'https://connect.facebook.net/en_US/sdk.js';
const GRAPH_VERSION = 'v25.0';
let loading: Promise<FacebookSdk> | undefined;

/** Loads Meta's JS SDK once and initialises it with the app id. */
export function loadFacebookSdk(appId: string): Promise<FacebookSdk> {
  loading ??= new Promise<FacebookSdk>((resolve, reject) => {
    window.fbAsyncInit = () => {
      window.FB!.init({ appId, autoLogAppEvents: true, xfbml: false, version: GRAPH_VERSION });
      resolve(window.FB!);
    };
    const script = document.createElement('script');
    script.src = SDK_URL;
    script.async = true;
    script.crossOrigin = 'anonymous';
    script.onerror = () => {
      loading = undefined;
      reject(new Error('sdk'));
    };
    document.body.appendChild(script);
  });
  return loading;
}

/** The `WA_EMBEDDED_SIGNUP` session message (sessionInfoVersion 3) from a facebook.com window. */
function sessionInfo(
  event: MessageEvent,
): { wabaId: string; phoneNumberId: string } | 'cancelled' | undefined {
  if (!/^https:\/\/([a-z0-9-]+\.)?facebook\.com$/.test(event.origin)) return undefined;
  try {
    const message = typeof event.data === 'string' ? JSON.parse(event.data) : event.data;
    if (message?.type !== 'WA_EMBEDDED_SIGNUP') return undefined;
    if (message.event === 'CANCEL' || message.event === 'ERROR') return 'cancelled';
    const { waba_id: wabaId, phone_number_id: phoneNumberId } = message.data ?? {};
    return wabaId && phoneNumberId
      ? { wabaId: String(wabaId), phoneNumberId: String(phoneNumberId) }
      : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Opens Embedded Signup and resolves once both halves arrived (in either order): the session
 * message with the WABA and number, and FB.login's code. Rejects when the business cancels.
 */
export async function runEmbeddedSignup(appId: string, configId: string): Promise<SignupResult> {
  const fb = await loadFacebookSdk(appId);
  return new Promise<SignupResult>((resolve, reject) => {
    let ids: { wabaId: string; phoneNumberId: string } | undefined;
    let code: string | undefined;
    const finish = () => {
      if (!ids || !code) return;
      window.removeEventListener('message', onMessage);
      resolve({ code, ...ids });
    };
    const fail = () => {
      window.removeEventListener('message', onMessage);
      reject(new Error('cancelled'));
    };
    const onMessage = (event: MessageEvent) => {
      const info = sessionInfo(event);
      if (info === 'cancelled') return fail();
      if (!info) return;
      ids = info;
      finish();
    };
    window.addEventListener('message', onMessage);
    fb.login(
      (response) => {
        code = response.authResponse?.code ?? undefined;
        if (!code) return fail();
        finish();
      },
      {
        config_id: configId,
        response_type: 'code',
        override_default_response_type: true,
        extras: { setup: {}, featureType: '', sessionInfoVersion: '3' },
      },
    );
  });
}
