// Writes derived escalations straight into the extension's IndexedDB from one
// of its pages: for thousands of rows, where importing a backup would only slow
// a test or the benchmark. The page must have opened the database already (any
// page that shows records). Used by the browser tests and `npm run bench`.
export async function seedDirectly(page, escalations, events = [], { clear = false } = {}) {
  await page.evaluate(
    ([rows, history, clear]) =>
      new Promise((resolve, reject) => {
        const open = indexedDB.open('escalation-companion');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const tx = open.result.transaction(['escalations', 'events'], 'readwrite');
          if (clear) for (const store of ['escalations', 'events']) tx.objectStore(store).clear();
          for (const row of rows) tx.objectStore('escalations').put(row);
          for (const event of history) tx.objectStore('events').put(event);
          tx.oncomplete = () => (open.result.close(), resolve());
          tx.onerror = () => reject(tx.error);
        };
      }),
    [escalations, events, clear],
  );
}
