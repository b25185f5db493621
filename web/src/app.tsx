import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { App as AntApp, ConfigProvider } from 'antd';
import enUS from 'antd/es/locale/en_US';
import zhCN from 'antd/es/locale/zh_CN';
import { BrowserRouter } from 'react-router-dom';
import { ApiError } from './api/client.ts';
import { SessionGate } from './components/session-gate.tsx';
import { I18nProvider, useI18n } from './i18n/i18n.tsx';

const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      // An answer from the server (403, 404, 409 …) will not change on retry; a dropped line may.
      retry: (failures, err) => !(err instanceof ApiError && err.status > 0) && failures < 2,
      refetchOnWindowFocus: false,
      staleTime: 15_000,
    },
  },
});

// State Grid green: the colour people in the utility recognise as their own.
const THEME = {
  token: { colorPrimary: '#00706b', colorLink: '#00706b', borderRadius: 4 },
  components: {
    Layout: { siderBg: '#003b38', triggerBg: '#00524e', headerBg: '#ffffff' },
    Menu: { darkItemBg: '#003b38', darkSubMenuItemBg: '#00302d', darkItemSelectedBg: '#00706b' },
  },
};

function Themed() {
  const { lang } = useI18n();
  return (
    <ConfigProvider locale={lang === 'zh' ? zhCN : enUS} theme={THEME}>
      <AntApp>
        <BrowserRouter>
          <SessionGate />
        </BrowserRouter>
      </AntApp>
    </ConfigProvider>
  );
}

export function App() {
  return (
    <QueryClientProvider client={queryClient}>
      <I18nProvider>
        <Themed />
      </I18nProvider>
    </QueryClientProvider>
  );
}
