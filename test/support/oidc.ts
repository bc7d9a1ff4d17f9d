/** What production must configure for tokens (an OpenID Connect issuer); its JWKS is fetched only when a token arrives. */
export const TEST_OIDC = { OIDC_ISSUER: 'https://idp.test/realms/ouhai', OIDC_AUDIENCE: 'ouhai-masters-api', OIDC_JWKS_URL: 'https://idp.test/realms/ouhai/jwks' };
