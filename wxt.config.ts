import { defineConfig, type Entrypoint } from 'wxt';
import preact from '@preact/preset-vite';

// The demo case-record system runs on localhost. Only development and test
// builds may touch it; the production manifest asks for no host access at all
// (case-system origins are optional permissions granted at runtime).
const DEMO_ORIGINS = ['http://localhost/*', 'http://127.0.0.1/*'];
const CASE_SYSTEM_ORIGINS = ['https://*/*', 'http://*/*'];

// The project's Firefox add-on id: a GUID, unique without owning a domain (the AMO listing is registered
// under it). An organisation that signs and distributes its own package sets its own with FIREFOX_ADDON_ID
// at build time; policies.json keys the add-on's settings by this id (docs/managed-settings.md).
const FIREFOX_ADDON_ID = process.env.FIREFOX_ADDON_ID ?? '{ef519505-69b2-4f4f-ac8f-e02a08858469}';
// Firefox 140 ESR: the oldest ESR with built-in data-collection consent (data_collection_permissions), and
// with every API used here (MV2 scripting.registerContentScripts, storage.session, sidebarAction).
const FIREFOX_MIN_VERSION = '140.0';

// The team store (issue 35; docs/managed-settings.md): the policy names the team server and identity provider at run
// time, but a manifest's CSP is fixed when it is built, so the production CSP allows any https origin and one gate in
// the code (lib/sync/gate.ts) lets requests through to exactly the policy's two origins, and none when no policy is
// set. An organisation that builds its own package may narrow the CSP to its origins with
// TEAM_SERVER_ORIGINS='https://escalations.council.example https://login.microsoftonline.com'. Development and test
// builds may also reach loopback over plain http (the local team store, `npm run server`).
const teamConnect = (mode: string) =>
  process.env.TEAM_SERVER_ORIGINS?.trim() || (mode === 'production' ? 'https:' : 'https: http://127.0.0.1:* http://localhost:*');

export default defineConfig({
  srcDir: '.',
  outDir: '.output',
  // Chunks under 10 kB are merged into others loaded at the same time (only those with no side effects, so
  // nothing runs in another order): fewer files for what a page loads after its first paint.
  // The built-in protocols' JSON is shipped as JSON text read by JSON.parse, not as object literals: every page
  // that draws a ladder carries all five (55 kB), and a literal costs the browser more to load than the same text
  // (npm run bench, one run comparing both in turn: the side panel's first paint 197 ms against 203).
  vite: () => ({
    plugins: [preact()],
    json: { namedExports: false, stringify: true },
    build: { rollupOptions: { output: { experimentalMinChunkSize: 10_000 } } },
  }),
  hooks: {
    // Each page is built on its own, so its first paint loads one file of script, not the dozen chunks it shares
    // with the other pages: on a 2-core machine every extra file cost the side panel about 4 ms (npm run bench).
    // Pages share no state at run time (each document has its own modules), so nothing changes but the files.
    'entrypoints:grouped': (_, groups) => {
      const pages = groups.findIndex((group) => Array.isArray(group) && group.length > 1);
      if (pages >= 0) groups.splice(pages, 1, ...(groups[pages] as Entrypoint[]).map((page) => [page]));
    },
  },
  manifest: ({ mode, browser }) => ({
    name: 'Escalation Companion',
    // Words shown in the extension's pages come from public/_locales/ (a translation is a file).
    default_locale: 'en',
    description: 'Follow your safeguarding partnership’s escalation protocol beside the case record. Everything stays on this device.',
    // Firefox does not offer `identity` as an optional permission: it is listed there (it shows no prompt, and with no
    // team server set up nothing calls it); Chrome and Edge ask for it only at a team-store sign-in (below).
    permissions: [
      'storage',
      'unlimitedStorage',
      'scripting',
      'clipboardWrite',
      'alarms',
      'notifications',
      ...(browser === 'firefox' ? ['identity'] : []),
    ],
    // Case-record sites, asked for one at a time from the options page. Firefox's MV2 manifest has no
    // optional_host_permissions (WXT drops the key there): the same origins go in optional_permissions.
    // `identity` (the team store's sign-in) is asked for only when a team server is set up, at sign-in.
    ...(browser === 'firefox'
      ? { optional_permissions: CASE_SYSTEM_ORIGINS }
      : { optional_permissions: ['identity'], optional_host_permissions: CASE_SYSTEM_ORIGINS }),
    ...(mode === 'production' ? {} : { host_permissions: DEMO_ORIGINS }),
    action: { default_title: 'Escalation Companion' },
    // Settings IT can set by policy (docs/managed-settings.md).
    storage: { managed_schema: 'managed_schema.json' },
    // No remote code; extension pages load only their own files. connect-src: see teamConnect above.
    content_security_policy: {
      extension_pages: `default-src 'self'; script-src 'self'; object-src 'none'; base-uri 'none'; connect-src 'self' ${teamConnect(mode)}; img-src 'self' data:; form-action 'none'`,
    },
    commands: {
      'toggle-panel': {
        suggested_key: { default: 'Alt+Shift+E' },
        description: 'Open the escalation panel beside the case record',
      },
    },
    // The chip, and with in-page placement the panel, are framed on granted case-record pages; a
    // per-session URL stops pages probing for the extension (Chrome).
    web_accessible_resources: [
      {
        resources: ['chip.html', 'panel.html'],
        matches: ['http://*/*', 'https://*/*'],
        ...(browser === 'firefox' ? {} : { use_dynamic_url: true }),
      },
    ],
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            // Nothing is collected or sent anywhere (PRIVACY.md).
            gecko: {
              id: FIREFOX_ADDON_ID,
              strict_min_version: FIREFOX_MIN_VERSION,
              data_collection_permissions: { required: ['none'] },
            },
          },
        }
      : {}),
  }),
});
