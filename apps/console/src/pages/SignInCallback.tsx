import { Alert, Card, Spin } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { api, keepSession, refusalText } from '../api/client';
import { useI18n } from '../i18n';
import { redirectUri, takeVerifier } from '../pkce';
import { ROUTES } from '../routes';

/** Back from the identity provider: the code (with this session's verifier) becomes the console's token. */
export function SignInCallback({ onSignedIn }: { onSignedIn: () => void }) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const [error, setError] = useState<string | null>(null);
  const once = useRef(false);

  useEffect(() => {
    // A code is good for one exchange: React's development double effect must not spend it twice.
    if (once.current) return;
    once.current = true;
    const params = new URLSearchParams(window.location.search);
    const verifier = takeVerifier(params.get('state'));
    const code = params.get('code');
    if (params.get('error')) return setError([params.get('error'), params.get('error_description')].filter(Boolean).join(': '));
    if (!code || !verifier) return setError(t.signInStale);
    void api.POST('/auth/console/token', { body: { code, codeVerifier: verifier, redirectUri: redirectUri() } }).then(({ data, error: refusal }) => {
      if (!data) return setError(refusalText(refusal));
      keepSession({ token: data.token, expiresAt: data.expiresAt, role: data.role, sub: data.sub, ...(data.area && { area: data.area }) });
      onSignedIn();
      void navigate(ROUTES.inbox, { replace: true });
    });
  }, [navigate, onSignedIn, t]);

  return (
    <Card style={{ maxWidth: 480, margin: '40px auto' }}>
      {error ? (
        <>
          <Alert type="error" showIcon role="alert" message={`${t.signInFailed}: ${error}`} style={{ marginBottom: 16 }} />
          <Link to={ROUTES.signIn}>{t.signInAgain}</Link>
        </>
      ) : (
        <Spin tip={t.signingIn}>
          <div style={{ height: 80 }} />
        </Spin>
      )}
    </Card>
  );
}
