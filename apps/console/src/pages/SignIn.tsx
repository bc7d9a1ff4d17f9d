import { Alert, Button, Card, Form, Input, Select, Spin, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { api, keepSession, refusalText, type Schemas } from '../api/client';
import { useI18n } from '../i18n';
import { startSignIn } from '../pkce';
import { ROUTES } from '../routes';

type Role = Schemas['DevTokenRequestDto']['role'];
const ROLES: Role[] = ['street_union', 'union_office', 'inspector', 'expert', 'leadership', 'government', 'finance', 'auditor', 'admin', 'nominator'];

type Mode = Schemas['ConsoleSignInDto'];

/**
 * Sign-in as the API offers it (GET /auth/console): the identity provider's code flow with PKCE in
 * production, the local issuer's development tokens otherwise.
 */
export function SignIn({ onSignedIn }: { onSignedIn: () => void }) {
  const { t } = useI18n();
  const [mode, setMode] = useState<Mode | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    void api.GET('/auth/console').then(({ data, error: refusal }) => (data ? setMode(data) : setError(refusalText(refusal))));
  }, []);

  if (error) return <Alert type="error" showIcon role="alert" message={`${t.loadFailed}: ${error}`} style={{ maxWidth: 480, margin: '40px auto' }} />;
  if (!mode) return <Spin />;
  if (mode.mode === 'dev') return <DevSignIn onSignedIn={onSignedIn} />;
  return (
    <Card style={{ maxWidth: 480, margin: '40px auto' }}>
      <Typography.Title level={1} style={{ fontSize: 22 }}>
        {t.signIn}
      </Typography.Title>
      {mode.mode === 'oidc' && mode.authorizationUrl && mode.clientId ? (
        <>
          <Typography.Paragraph type="secondary">{t.oidcHint}</Typography.Paragraph>
          <Button type="primary" block onClick={() => void startSignIn(mode.authorizationUrl!, mode.clientId!, mode.scope ?? 'openid')}>
            {t.oidcSignIn}
          </Button>
        </>
      ) : (
        <Alert type="warning" showIcon message={t.signInNotConfigured} />
      )}
    </Card>
  );
}

/** Development sign-in: a token of the local issuer for the chosen role, user and area (POST /dev/token). */
function DevSignIn({ onSignedIn }: { onSignedIn: () => void }) {
  const { t, name } = useI18n();
  const navigate = useNavigate();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (values: { role: Role; sub: string; area?: string }) => {
    setBusy(true);
    setError(null);
    const area = values.area?.trim() || undefined;
    const { data, error: refusal } = await api.POST('/dev/token', { body: { role: values.role, sub: values.sub.trim(), ...(area && { area }) } });
    setBusy(false);
    if (!data) return setError(refusalText(refusal));
    keepSession({ token: data.token, expiresAt: data.expiresAt, role: values.role, sub: values.sub.trim(), area });
    onSignedIn();
    void navigate(ROUTES.inbox);
  };

  return (
    <Card style={{ maxWidth: 480, margin: '40px auto' }}>
      <Typography.Title level={1} style={{ fontSize: 22 }}>
        {t.devSignIn}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t.devSignInHint}</Typography.Paragraph>
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 16 }} role="alert" />}
      <Form layout="vertical" onFinish={(v) => void submit(v)} initialValues={{ role: 'street_union', sub: 'su-louqiao-1', area: 'louqiao' }}>
        <Form.Item label={t.role} name="role" rules={[{ required: true }]}>
          <Select options={ROLES.map((r) => ({ value: r, label: name('role', r) }))} />
        </Form.Item>
        <Form.Item label={t.userId} name="sub" rules={[{ required: true }]}>
          <Input autoComplete="username" />
        </Form.Item>
        <Form.Item label={t.area} name="area" extra={t.areaHint}>
          <Input />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={busy} block>
          {t.signIn}
        </Button>
      </Form>
    </Card>
  );
}
