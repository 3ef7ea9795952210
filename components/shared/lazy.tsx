// A component whose code loads only when it is first drawn, so a page's first paint does not wait for it
// (Preact's own `lazy` needs preact/compat and Suspense; this is the part we use).
import type { ComponentType } from 'preact';
import { useEffect, useState } from 'preact/hooks';

export function lazyComponent<P extends object>(load: () => Promise<ComponentType<P>>): ComponentType<P> {
  let loaded: ComponentType<P> | undefined;
  let loading: Promise<ComponentType<P>> | undefined;
  return function Lazy(props: P) {
    const [Component, setComponent] = useState(() => loaded);
    useEffect(() => {
      if (Component) return;
      loading ??= load().then((c) => (loaded = c));
      void loading.then((c) => setComponent(() => c));
    }, [Component]);
    return Component ? <Component {...props} /> : null;
  };
}
