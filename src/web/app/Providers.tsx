import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { App as AntdApp, ConfigProvider } from 'antd';
import { type ReactNode, useState } from 'react';
import { SessionProvider } from '../features/auth/session.js';
import { antdLocales } from './antdLocale.js';
import { ApiError } from './api/client.js';
import { I18nProvider, useI18n } from './i18n/I18nProvider.js';
import { theme } from './theme.js';

function makeQueryClient() {
  return new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: 30_000,
        // A 4xx will not get better by asking again; a dropped connection might.
        retry: (count, err) => count < 2 && !(err instanceof ApiError && err.status >= 400 && err.status < 500),
        refetchOnWindowFocus: false,
      },
    },
  });
}

function LocalisedAntd({ children }: { children: ReactNode }) {
  const { locale } = useI18n();
  return (
    <ConfigProvider locale={antdLocales[locale]} theme={theme}>
      <AntdApp>{children}</AntdApp>
    </ConfigProvider>
  );
}

export function Providers({ children }: { children: ReactNode }) {
  const [queryClient] = useState(makeQueryClient);
  return (
    <QueryClientProvider client={queryClient}>
      <I18nProvider>
        <LocalisedAntd>
          <SessionProvider>{children}</SessionProvider>
        </LocalisedAntd>
      </I18nProvider>
    </QueryClientProvider>
  );
}
