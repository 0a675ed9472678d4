// Pages load on first use (serve mode's cold load of the hall display, the pad or
// a desk fetches only its own code): React.lazy for a module's named page export.
import { lazy, Suspense, type ComponentType, type ReactNode } from 'react';
import { Center, Loader } from '@mantine/core';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- any page's props
export function lazyPage<M, K extends keyof M>(load: () => Promise<M>, name: K): M[K] & ComponentType<any> {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- as above
  return lazy(async () => ({ default: (await load())[name] as ComponentType<any> })) as unknown as M[K] & ComponentType<any>;
}

/** What shows while a page's code arrives (a few tens of milliseconds on the hall's network). */
export function PageSuspense({ children }: { children: ReactNode }) {
  return (
    <Suspense
      fallback={
        <Center h="100%" mih={200}>
          <Loader aria-label="正在加载" />
        </Center>
      }
    >
      {children}
    </Suspense>
  );
}
