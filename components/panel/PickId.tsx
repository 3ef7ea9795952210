// The element picker, panel side: start it, then confirm what was clicked.
import { t } from '../../lib/strings';
import { useEffect, useState } from 'preact/hooks';
import { loadAdapters, saveUserAdapters, userAdapters } from '../../lib/browser/adapters';
import { picked, tellPage } from './tab-child';
import type { HostAdapter } from '../../lib/hosts';
import { messageOf } from '../../lib/errors';

/** Making an adapter from a pick checks it with the schema library: loaded when the worker picks, not with the panel. */
const loadMaker = () => import('../../lib/hosts').then((m) => m.adapterFromPick);
type AdapterMaker = Awaited<ReturnType<typeof loadMaker>>;

export function PickIdButton({ label }: { label: string }) {
  return (
    <button type="button" onClick={() => tellPage('pickId')}>
      {label}
    </button>
  );
}

export function PickConfirm() {
  const [message, setMessage] = useState('');
  const [ready, setReady] = useState<{ adapters: HostAdapter[]; adapterFromPick: AdapterMaker } | null>(null);
  const pick = picked.value;
  useEffect(() => {
    if (pick)
      void Promise.all([loadAdapters(), loadMaker()]).then(([adapters, adapterFromPick]) => setReady({ adapters, adapterFromPick }));
  }, [pick]);
  if (!pick) return message ? <p role="status">{message}</p> : null;
  if (!ready) return null;
  const { adapters, adapterFromPick } = ready;
  // The site's adapter as it will be saved, and what it reads from the pick: the worker confirms exactly that.
  let error = '';
  let host = '';
  let made: ReturnType<typeof adapterFromPick> | null = null;
  try {
    host = new URL(pick.url).hostname;
    made = adapterFromPick(
      adapters.find((a) => a.id === pick.adapterId),
      pick.url,
      pick.selector,
      pick.text,
    );
  } catch (e) {
    error = messageOf(e);
  }
  const childId = made?.childId ?? '';
  async function use() {
    try {
      const { adapter } = made!;
      const mine = (await userAdapters()).filter((a) => a.id !== adapter.id);
      await saveUserAdapters([adapter, ...mine]);
      picked.value = null;
      setMessage(t('pickSaved', { host }));
    } catch (e) {
      setMessage(messageOf(e));
      picked.value = null;
    }
  }
  return (
    <section class="pick" aria-labelledby="pick-title">
      <h2 id="pick-title">{t('youPicked', { text: pick.text.slice(0, 60) })}</h2>
      {error ? (
        <>
          <p role="alert" class="error">
            {error}
          </p>
          <PickIdButton label={t('pickAgain')} />
        </>
      ) : (
        <>
          <p class="pick-reading">{t('pickWillRead', { id: childId })}</p>
          <p>{t('useAsChildId', { host })}</p>
          <button type="button" class="primary" onClick={() => void use()}>
            {t('useThis')}
          </button>
          <PickIdButton label={t('pickAgain')} />
        </>
      )}
      <button type="button" onClick={() => (picked.value = null)}>
        {t('cancel')}
      </button>
    </section>
  );
}
