import { createContext, useContext } from 'react';
import type { CurrentUser } from '@shared/api/schemas/auth';

export interface AuthState {
  user: CurrentUser;
  setUser(user: CurrentUser | null): void;
}

export const AuthContext = createContext<AuthState | null>(null);

export function useAuth(): AuthState {
  const ctx = useContext(AuthContext);
  if (!ctx) throw new Error('useAuth outside AuthContext');
  return ctx;
}
