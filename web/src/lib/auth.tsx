import { createContext, useContext, useMemo, type ReactNode } from 'react';
import { useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import type { Permission } from '../../../src/kernel/contract/permissions';
import type { ChangePasswordInput, SessionView, SignInInput } from '../../../src/modules/identity/contract/auth';
import { api, ApiError, setCsrfToken } from './api-client';

export type { Permission };

/** The signed-in member, what they may do and their CSRF token (GET /api/auth/session). */
export type Session = SessionView;

interface AuthContextValue {
  session: Session | null;
  loading: boolean;
  can: (permission: Permission) => boolean;
  hasRole: (role: string) => boolean;
  roleLabel: (role: string) => string;
}

export const SESSION_KEY = ['session'] as const;

const AuthContext = createContext<AuthContextValue | null>(null);

async function fetchSession(): Promise<Session | null> {
  try {
    const session = await api.get<Session>('/api/auth/session');
    setCsrfToken(session.csrfToken);
    return session;
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) return null;
    throw error;
  }
}

export function AuthProvider({ children }: { children: ReactNode }) {
  const query = useQuery({ queryKey: SESSION_KEY, queryFn: fetchSession, staleTime: Infinity, retry: false });
  const session = query.data ?? null;
  const value = useMemo<AuthContextValue>(() => {
    const permissions = new Set(session?.permissions ?? []);
    const roles = new Set(session?.member.roles ?? []);
    return {
      session,
      loading: query.isPending,
      can: (permission) => permissions.has(permission),
      hasRole: (role) => roles.has(role),
      roleLabel: (role) => session?.roleLabels[role] ?? role,
    };
  }, [session, query.isPending]);
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth(): AuthContextValue {
  const value = useContext(AuthContext);
  if (!value) throw new Error('useAuth needs an <AuthProvider> above it');
  return value;
}

/** The signed-in member; only for components rendered inside the authenticated shell. */
export function useSession(): Session {
  const { session } = useAuth();
  if (!session) throw new Error('useSession called while signed out');
  return session;
}

/**
 * Another member's data must not linger in the cache. The session query stays: the auth context
 * observes it, and removing it would leave that observer on a dead entry.
 */
function forgetEverythingButTheSession(client: QueryClient) {
  client.removeQueries({ predicate: (query) => query.queryKey[0] !== SESSION_KEY[0] });
}

export function useSignIn() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: SignInInput) => api.post<Session>('/api/auth/sign-in', body),
    onSuccess: (session) => {
      setCsrfToken(session.csrfToken);
      forgetEverythingButTheSession(client);
      client.setQueryData(SESSION_KEY, session);
    },
  });
}

export function useSignOut() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => api.post<void>('/api/auth/sign-out'),
    onSettled: () => {
      setCsrfToken(null);
      forgetEverythingButTheSession(client);
      client.setQueryData(SESSION_KEY, null);
    },
  });
}

export function useChangePassword() {
  return useMutation({
    mutationFn: (body: ChangePasswordInput) => api.post<void>('/api/auth/password', body),
  });
}
