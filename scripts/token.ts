import { join, resolve } from 'node:path';
import { isRole, ROLES } from '../libs/contract/roles';
import { withDevSecrets } from '../libs/dev/dev-secrets';
import { signToken } from '../libs/security/token';

/** `npm run token -- <role> [userId] [area]` prints a bearer token signed with the local secret. */
const [role, userId, area] = process.argv.slice(2);
if (!isRole(role)) {
  console.error(`usage: npm run token -- <role> [userId] [area]\nroles: ${ROLES.join(', ')}`);
  process.exit(2);
}
const root = resolve(__dirname, '..', '..');
const env = withDevSecrets(process.env, join(resolve(process.env.DATA_DIR ?? join(root, 'data')), 'dev-secrets.json'));
console.log(signToken({ sub: userId ?? `local-${role}`, role, ...(area && { area }) }, env.AUTH_SECRET!, 7 * 24 * 3600));
