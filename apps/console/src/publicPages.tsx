import { App as AntApp, Button, ConfigProvider, Layout, Spin, Typography } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import enUS from 'antd/locale/en_US';
import { Suspense, type ComponentType } from 'react';
import { matchPath, Route, Routes } from 'react-router-dom';
import { I18nContext, useI18n, useWords, type I18n } from './i18n';
import { page } from './pages';
import { words } from './pages/public/PublicLayout.words';

/** A page of the public: no sign-in, no staff menu, built for a phone in WeChat's browser. */
export interface PublicPage {
  /** The route (react-router syntax); its first segment is listed in CONSOLE_SEGMENTS. */
  path: string;
  component: ComponentType;
}

/** The public pages, one entry each; each is loaded when first opened, so the staff console's first load does not grow. */
export const PUBLIC_PAGES: PublicPage[] = [
  { path: '/vote/:roundId', component: page(() => import('./pages/public/Vote'), 'Vote') },
  { path: '/notice/:roundId', component: page(() => import('./pages/public/Notice'), 'Notice') },
  { path: '/register', component: page(() => import('./pages/public/Register'), 'Register') },
];

export const isPublicPath = (pathname: string) => PUBLIC_PAGES.some((p) => matchPath(p.path, pathname));

/**
 * Read on a phone: 16 px type, 44 px controls (a thumb's touch target), and secondary and error text
 * dark enough for WCAG AA contrast on white.
 */
const PHONE_THEME = {
  token: {
    colorPrimary: '#b7280f',
    colorLink: '#a8200d',
    fontSize: 16,
    controlHeight: 44,
    colorTextSecondary: 'rgba(0, 0, 0, 0.68)',
    colorTextDescription: 'rgba(0, 0, 0, 0.68)',
    // antd's #ff4d4f is 3.3:1 on white: a form's error messages need 4.5:1.
    colorError: '#cf1322',
  },
};

/** The public pages' frame: the programme's name and the language switch, nothing a voter must sign in for. */
export function PublicApp({ i18n }: { i18n: I18n }) {
  return (
    <ConfigProvider locale={i18n.lang === 'zh' ? zhCN : enUS} theme={PHONE_THEME}>
      <AntApp>
        <I18nContext.Provider value={i18n}>
          <PublicLayout />
        </I18nContext.Provider>
      </AntApp>
    </ConfigProvider>
  );
}

function PublicLayout() {
  const w = useWords(words);
  const i18n = useI18n();
  return (
    <Layout style={{ minHeight: '100vh', background: '#faf7f5' }}>
      <Layout.Header style={{ display: 'flex', alignItems: 'center', justifyContent: 'space-between', background: '#7a1a0a', padding: '0 12px', height: 56 }}>
        <Typography.Text strong style={{ color: '#fff', fontSize: 17 }}>
          {w.programme}
        </Typography.Text>
        <Button size="small" style={{ minHeight: 36 }} onClick={() => i18n.setLang(i18n.lang === 'zh' ? 'en' : 'zh')}>
          {i18n.t.language}
        </Button>
      </Layout.Header>
      <Layout.Content style={{ padding: '12px 12px 32px', maxWidth: 720, width: '100%', margin: '0 auto' }}>
        <main>
          <Suspense fallback={<Spin />}>
            <Routes>
              {PUBLIC_PAGES.map(({ path, component: Page }) => (
                <Route key={path} path={path} element={<Page />} />
              ))}
            </Routes>
          </Suspense>
        </main>
      </Layout.Content>
    </Layout>
  );
}
