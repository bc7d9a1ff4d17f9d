// The authorisation code flow with PKCE (RFC 7636): the console is a public client with no secret,
// so each sign-in carries a fresh verifier that only this browser session knows.

const KEY = 'ouhai-console-pkce';
export const CALLBACK_PATH = '/sign-in/callback';

const base64url = (bytes: Uint8Array): string =>
  btoa(String.fromCharCode(...bytes))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '');

const random = (n: number): string => base64url(crypto.getRandomValues(new Uint8Array(n)));

export const redirectUri = (): string => `${window.location.origin}${CALLBACK_PATH}`;

/** Sends the browser to the identity provider, keeping the verifier and state for the way back. */
export async function startSignIn(authorizationUrl: string, clientId: string, scope: string): Promise<void> {
  const verifier = random(32);
  const state = random(16);
  const challenge = base64url(new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier))));
  sessionStorage.setItem(KEY, JSON.stringify({ verifier, state }));
  const url = new URL(authorizationUrl);
  const params = {
    response_type: 'code',
    client_id: clientId,
    redirect_uri: redirectUri(),
    scope,
    state,
    code_challenge: challenge,
    code_challenge_method: 'S256',
  };
  for (const [k, v] of Object.entries(params)) url.searchParams.set(k, v);
  window.location.assign(url.toString());
}

/** The verifier kept for this state, used once: a callback with another state (or none kept) gets null. */
export function takeVerifier(state: string | null): string | null {
  const kept = JSON.parse(sessionStorage.getItem(KEY) ?? 'null') as { verifier: string; state: string } | null;
  sessionStorage.removeItem(KEY);
  return kept && state && kept.state === state ? kept.verifier : null;
}
