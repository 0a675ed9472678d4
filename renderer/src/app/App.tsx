import { useEffect, useState } from 'react';
import { Center, Loader } from '@mantine/core';
import type { CurrentUser } from '@shared/api/schemas/auth';
import { call, onSessionExpired } from '../api/client';
import { AuthContext } from './auth-context';
import { LoginPage } from '../features/auth/LoginPage';
import { notifyError } from '@lib/notify';
import { lazyPage, PageSuspense } from '@lib/lazy-page';
import { DatabaseBanner } from './DatabaseBanner';

// Split by route: the hall display, the pad and a print page load their own code only, and
// staff screens (the shell and every page in it) load after the login.
const Shell = lazyPage(() => import('./Shell'), 'Shell');
const SetupPage = lazyPage(() => import('../features/auth/SetupPage'), 'SetupPage');
const ChangePasswordPage = lazyPage(() => import('../features/auth/ChangePasswordPage'), 'ChangePasswordPage');
const DisplayPage = lazyPage(() => import('../features/display/DisplayPage'), 'DisplayPage');
const PadPage = lazyPage(() => import('../features/pad/PadPage'), 'PadPage');
const PrintPage = lazyPage(() => import('../features/printing/PrintPage'), 'PrintPage');
const ConnectionPage = lazyPage(() => import('../features/connection/ConnectionPage'), 'ConnectionPage');

type Phase =
  | { kind: 'loading' }
  | { kind: 'setup' }
  | { kind: 'login'; expired?: boolean }
  /** expired: the session ended while working; the page stays (with the clerk's unsaved input) under a login overlay. */
  | { kind: 'in'; user: CurrentUser; expired?: boolean };

export function App() {
  return (
    <PageSuspense>
      <Entry />
    </PageSuspense>
  );
}

function Entry() {
  // The hall display is public: it needs no login and shows masked data only.
  if (window.location.hash.startsWith('#/display')) return <DisplayPage />;
  // The 评价器 (satisfaction pad) likewise: its pairing token stands in for a login.
  if (window.location.hash.startsWith('#/pad')) return <PadPage />;
  // The desktop app's 选择数据位置, before (or instead of) any login: no database may be open yet.
  if (window.location.hash.startsWith('#/connection')) return <ConnectionPage />;
  // A slip's print page: its one-time token stands in for a login.
  const print = /^#\/print\/(job|preview)\/([\w-]+)$/.exec(window.location.hash);
  if (print) return <PrintPage token={print[2]!} preview={print[1] === 'preview'} />;
  return (
    <>
      <DatabaseBanner />
      <DeskApp />
    </>
  );
}

function DeskApp() {
  const [phase, setPhase] = useState<Phase>({ kind: 'loading' });

  useEffect(() => {
    // The staff shell's code starts loading with the first question, not after the login.
    void import('./Shell');
    (async () => {
      const { needsAdmin } = await call('setup.status', {});
      if (needsAdmin) return setPhase({ kind: 'setup' });
      const me = await call('auth.me', {});
      setPhase(me ? { kind: 'in', user: me } : { kind: 'login' });
    })().catch((e: unknown) => {
      notifyError(e, '无法连接服务');
      setPhase({ kind: 'login' });
    });
    return onSessionExpired(() => setPhase((p) => (p.kind === 'in' ? { ...p, expired: true } : { kind: 'login', expired: true })));
  }, []);

  const setUser = (user: CurrentUser | null) => setPhase(user ? { kind: 'in', user } : { kind: 'login' });

  switch (phase.kind) {
    case 'loading':
      return (
        <Center h="100%">
          <Loader />
        </Center>
      );
    case 'setup':
      return <SetupPage onDone={setUser} />;
    case 'login':
      return <LoginPage onDone={setUser} expired={phase.expired} />;
    case 'in':
      if (phase.user.mustChangePassword) return <ChangePasswordPage user={phase.user} onDone={setUser} />;
      return (
        <AuthContext.Provider value={{ user: phase.user, setUser }}>
          {/* Another user logging in starts from a clean screen. */}
          <Shell key={phase.user.id} />
          {phase.expired && (
            <div style={{ position: 'fixed', inset: 0, zIndex: 1000, background: 'rgba(0,0,0,0.55)' }}>
              <LoginPage expired onDone={(u) => setPhase({ kind: 'in', user: u })} />
            </div>
          )}
        </AuthContext.Provider>
      );
  }
}
