import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';

// The demo case-record system runs on localhost. Only development and test
// builds may touch it; the production manifest asks for no host access at all
// (case-system origins are optional permissions granted at runtime).
const DEMO_ORIGINS = ['http://localhost/*', 'http://127.0.0.1/*'];

export default defineConfig({
  srcDir: '.',
  outDir: '.output',
  vite: () => ({ plugins: [preact()] }),
  manifest: ({ mode, browser }) => ({
    name: 'Escalation Companion',
    // Words shown in the extension's pages come from public/_locales/ (a translation is a file).
    default_locale: 'en',
    description: 'Follow your safeguarding partnership’s escalation protocol beside the case record. Everything stays on this device.',
    permissions: ['storage', 'unlimitedStorage', 'scripting', 'clipboardWrite', 'alarms', 'notifications'],
    optional_host_permissions: ['https://*/*', 'http://*/*'],
    ...(mode === 'production' ? {} : { host_permissions: DEMO_ORIGINS }),
    action: { default_title: 'Escalation Companion' },
    // Settings IT can set by policy (docs/managed-settings.md).
    storage: { managed_schema: 'managed_schema.json' },
    // No remote code and no network: extension pages may load only their own files and connect nowhere.
    content_security_policy: {
      extension_pages:
        "default-src 'self'; script-src 'self'; object-src 'none'; base-uri 'none'; connect-src 'none'; img-src 'self' data:; form-action 'none'",
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
            gecko: { id: 'escalation-companion@example.org', data_collection_permissions: { required: ['none'] } },
          },
        }
      : {}),
  }),
});
