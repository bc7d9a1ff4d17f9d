/** The ways a voter can prove who they are. */
export const VERIFIERS = ['wechat', 'dev'] as const;
export type VerifierName = (typeof VERIFIERS)[number];

/**
 * Turns a credential into a stable voter identity, or throws an HTTP error saying why not: 401 when
 * the credential is refused, 502/503 when the identity provider cannot answer.
 */
export interface VoterVerifier {
  readonly name: VerifierName;
  identify(credential: string): Promise<string>;
}
