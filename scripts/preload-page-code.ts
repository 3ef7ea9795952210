// A page whose entry asks its first question, then imports the rest of its code (the panels:
// components/panel/opening.ts) would fetch that code only once the entry has run. This names the code the
// entry imports itself in the page's HTML (`modulepreload`), so the browser fetches it alongside the entry
// from the start; it still runs only when imported. Code imported later by other modules (the case notes,
// the dashboard's every-row reading) is left to load when asked.
import type { OutputChunk } from 'rollup';
import type { HtmlTagDescriptor, Plugin } from 'vite';

export function preloadPageCode(): Plugin {
  /** By page (its HTML file): the modules its entry scripts import dynamically themselves. */
  const importedByEntry = new Map<string, string[]>();
  return {
    name: 'preload-page-code',
    apply: 'build',
    buildEnd() {
      for (const id of this.getModuleIds()) {
        if (!id.endsWith('.html')) continue;
        const entries = this.getModuleInfo(id)?.importedIds ?? [];
        importedByEntry.set(
          id,
          entries.flatMap((entry) => this.getModuleInfo(entry)?.dynamicallyImportedIds ?? []),
        );
      }
    },
    transformIndexHtml: {
      order: 'post',
      handler(html, { filename, bundle, chunk }) {
        const wanted = importedByEntry.get(filename);
        if (!bundle || !chunk || !wanted?.length) return;
        const chunks = Object.values(bundle).filter((c): c is OutputChunk => c.type === 'chunk');
        const files = new Set<string>();
        const add = (c: OutputChunk) => {
          if (files.has(c.fileName) || c === chunk) return;
          files.add(c.fileName);
          for (const file of c.imports) {
            const imported = bundle[file];
            if (imported?.type === 'chunk') add(imported);
          }
        };
        for (const id of wanted) {
          const holder = chunks.find((c) => c.moduleIds.includes(id));
          if (holder) add(holder);
        }
        const tags: HtmlTagDescriptor[] = [...files]
          .filter((file) => !html.includes(`/${file}"`))
          .map((file) => ({ tag: 'link', attrs: { rel: 'modulepreload', crossorigin: true, href: `/${file}` }, injectTo: 'head' }));
        return tags;
      },
    },
  };
}
