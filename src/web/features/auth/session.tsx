import { useQuery, useQueryClient } from '@tanstack/react-query';
import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import type { TMe } from '../../../shared/auth/contract.js';
import type { Permission } from '../../../shared/auth/roles.js';
import { ApiError, onUnauthorized, setCsrfToken } from '../../app/api/client.js';
import { useI18n } from '../../app/i18n/I18nProvider.js';
import type { Locale } from '../../app/i18n/i18n.js';
import { authApi } from './api.js';

const ME_KEY = ['auth', 'me'] as const;

type Session = {
  me: TMe | null;
  loading: boolean;
  /** Set when a request found the session gone; the login page explains why the user is there. */
  expired: boolean;
  login: (username: string, password: string) => Promise<void>;
  logout: () => Promise<void>;
  /** Switches the language and, when signed in, remembers it for the user on the server. */
  changeLocale: (locale: Locale) => Promise<void>;
  can: (permission: Permission) => boolean;
};

const SessionContext = createContext<Session | null>(null);

async function fetchMe(): Promise<TMe | null> {
  try {
    const me = await authApi.me();
    setCsrfToken(me.csrfToken);
    return me;
  } catch (e) {
    if (e instanceof ApiError && e.status === 401) return null;
    throw e;
  }
}

export function SessionProvider({ children }: { children: ReactNode }) {
  const qc = useQueryClient();
  const { setLocale } = useI18n();
  const [expired, setExpired] = useState(false);
  const meQuery = useQuery({ queryKey: ME_KEY, queryFn: fetchMe, staleTime: Number.POSITIVE_INFINITY, retry: 1 });
  const me = meQuery.data ?? null;

  // Signing out must not leave one user's data in the cache for the next one at the same browser.
  const forget = useCallback(() => {
    setCsrfToken(null);
    qc.setQueryData(ME_KEY, null);
    qc.removeQueries({ predicate: (q) => q.queryKey[0] !== ME_KEY[0] });
  }, [qc]);

  useEffect(
    () =>
      onUnauthorized(() => {
        setExpired(true);
        forget();
      }),
    [forget],
  );

  // The user's saved language wins over the one picked on the login page.
  const userLocale = me?.user.locale;
  useEffect(() => {
    if (userLocale) setLocale(userLocale);
  }, [userLocale, setLocale]);

  const value = useMemo<Session>(
    () => ({
      me,
      loading: meQuery.isPending,
      expired,
      login: async (username, password) => {
        const next = await authApi.login(username, password);
        setCsrfToken(next.csrfToken);
        setExpired(false);
        qc.setQueryData(ME_KEY, next);
      },
      logout: async () => {
        try {
          await authApi.logout();
        } finally {
          setExpired(false);
          forget();
        }
      },
      changeLocale: async (locale) => {
        if (me) {
          await authApi.setLocale(locale);
          qc.setQueryData<TMe | null>(ME_KEY, (old) => (old ? { ...old, user: { ...old.user, locale } } : old));
        }
        setLocale(locale);
      },
      can: (permission) => me?.permissions.includes(permission) ?? false,
    }),
    [me, meQuery.isPending, expired, qc, forget, setLocale],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): Session {
  const ctx = useContext(SessionContext);
  if (!ctx) throw new Error('useSession outside SessionProvider');
  return ctx;
}
