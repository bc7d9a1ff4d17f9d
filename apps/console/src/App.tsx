import { App as AntApp, Button, ConfigProvider, Layout, Space, Spin, Typography } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import dayjs from 'dayjs';
import { lazy, Suspense, useCallback, useMemo, useState, type ReactNode } from 'react';
import { Link, Navigate, Route, Routes, useLocation, useNavigate } from 'react-router-dom';
import { keepSession, session } from './api/client';
import { I18nContext, i18n, type Lang } from './i18n';
import { PAGES } from './pages';
import { isPublicPath, PublicApp } from './publicPages';
import { SignIn } from './pages/SignIn';
import { SignInCallback } from './pages/SignInCallback';
import { CALLBACK_PATH } from './pkce';
import { ROUTES } from './routes';

const LANG_KEY = 'ouhai-console-lang';
// Loaded after the first paint, like the pages: the first load (the inbox) stays small.
const NotificationCentre = lazy(async () => ({ default: (await import('./NotificationCentre')).NotificationCentre }));

/** antd's pale greys (description labels, help under a field, empty tables) and light error red fall short of WCAG AA contrast (4.5:1): darker. */
const LEGIBLE = {
  colorTextTertiary: 'rgba(0, 0, 0, 0.65)',
  colorTextDescription: 'rgba(0, 0, 0, 0.65)',
  colorTextQuaternary: 'rgba(0, 0, 0, 0.6)',
  colorError: '#cf1322',
};

export function App() {
  const [lang, setLangState] = useState<Lang>(localStorage.getItem(LANG_KEY) === 'en' ? 'en' : 'zh');
  const [, refresh] = useState(0);
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const words = useMemo(
    () =>
      i18n(lang, (next) => {
        localStorage.setItem(LANG_KEY, next);
        setLangState(next);
      }),
    [lang],
  );
  dayjs.locale(lang === 'zh' ? 'zh-cn' : 'en');
  // Screen readers, and refusalText, read the page's language here.
  document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
  const signedInNow = useCallback(() => refresh((n) => n + 1), []);
  // The public's pages (vote, notice, register): no sign-in and no staff header.
  if (isPublicPath(pathname)) return <PublicApp i18n={words} />;
  const who = session();
  const signedIn = (page: ReactNode) => (who ? page : <Navigate to={ROUTES.signIn} replace />);

  return (
    <ConfigProvider locale={lang === 'zh' ? zhCN : enUS} theme={{ token: { colorPrimary: '#b7280f', colorLink: '#a8200d', ...LEGIBLE } }}>
      <AntApp>
        <I18nContext.Provider value={words}>
          <Layout style={{ minHeight: '100vh' }}>
            <Layout.Header style={{ display: 'flex', alignItems: 'center', justifyContent: 'space-between', background: '#7a1a0a' }}>
              <Space size="large">
                <Typography.Text strong style={{ color: '#fff', fontSize: 16 }}>
                  {words.t.appName}
                </Typography.Text>
                {who && (
                  <nav aria-label={words.t.menu}>
                    <Space size="middle" wrap>
                      {PAGES.filter((p) => p.menu && (p.menu.roles === 'all' || p.menu.roles.includes(who.role as never))).map((p) => (
                        <Link key={p.path} to={p.path} style={{ color: '#fff' }}>
                          {p.menu![lang]}
                        </Link>
                      ))}
                    </Space>
                  </nav>
                )}
              </Space>
              <Space>
                {who && (
                  <Typography.Text style={{ color: '#fff' }}>
                    {words.name('role', who.role)} · {who.sub}
                    {who.area ? ` · ${who.area}` : ''}
                  </Typography.Text>
                )}
                {who && (
                  <Suspense fallback={null}>
                    <NotificationCentre key={who.sub} />
                  </Suspense>
                )}
                <Button size="small" onClick={() => words.setLang(lang === 'zh' ? 'en' : 'zh')}>
                  {words.t.language}
                </Button>
                {who && (
                  <Button
                    size="small"
                    onClick={() => {
                      keepSession(null);
                      refresh((n) => n + 1);
                      void navigate(ROUTES.signIn);
                    }}
                  >
                    {words.t.signOut}
                  </Button>
                )}
              </Space>
            </Layout.Header>
            <Layout.Content style={{ padding: 24 }}>
              <main>
                <Suspense fallback={<Spin />}>
                  <Routes>
                    <Route path={ROUTES.signIn} element={<SignIn onSignedIn={signedInNow} />} />
                    <Route path={CALLBACK_PATH} element={<SignInCallback onSignedIn={signedInNow} />} />
                    {PAGES.map(({ path, component: Page }) => (
                      <Route key={path} path={path} element={signedIn(<Page />)} />
                    ))}
                    <Route path="*" element={<Navigate to={who ? ROUTES.inbox : ROUTES.signIn} replace />} />
                  </Routes>
                </Suspense>
              </main>
            </Layout.Content>
          </Layout>
        </I18nContext.Provider>
      </AntApp>
    </ConfigProvider>
  );
}
