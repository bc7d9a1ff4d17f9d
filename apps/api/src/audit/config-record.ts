import type { AppConfig } from '../../../../libs/config';

/**
 * The settings the API booted with, as the audit log records them: everything that changes what the
 * service decides or pays, and no secret — keys by their ids only, the database without credentials.
 * Listed one by one, so a setting added later stays out until someone decides it is not secret.
 */
export function publicSettings(config: AppConfig): Record<string, unknown> {
  const db = safeUrl(config.databaseUrl);
  return {
    port: config.port,
    database: db,
    temporal: { ...config.temporal },
    pii: { keyIds: [...config.pii.keys.keys()], activeKeyId: config.pii.activeKeyId },
    programme: { ...config.programme },
    review: { ...config.review, workingAge: { ...config.review.workingAge } },
    roundAreaTarget: config.roundAreaTarget,
    attachmentMaxBytes: config.attachmentMaxBytes,
    trustProxy: config.trustProxy,
    voting: {
      dailyCandidateLimit: config.voting.dailyCandidateLimit,
      rateLimitPerMinute: config.voting.rateLimitPerMinute,
      devVerifier: config.voting.devVerifier,
      wechat: config.voting.wechat && { appId: config.voting.wechat.appId, apiBase: config.voting.wechat.apiBase, timeoutMs: config.voting.wechat.timeoutMs },
    },
    round: { ...config.round, rankingWeights: { ...config.round.rankingWeights } },
    studios: { ...config.studios },
    audit: { ...config.audit },
    documents: { ...config.documents },
  };
}

/** Host, port and database name; never the user or password. */
function safeUrl(url: string): string {
  try {
    const u = new URL(url);
    return `${u.protocol}//${u.hostname}${u.port ? `:${u.port}` : ''}${u.pathname}`;
  } catch {
    return 'unparsable';
  }
}
