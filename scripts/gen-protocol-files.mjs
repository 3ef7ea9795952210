// Writes the protocol format's JSON Schema (docs/protocol.schema.json), generated from the zod schema that
// validates every protocol (lib/protocols/schema.ts), each built-in protocol as a file in that format
// (docs/protocols/ID.json), for a partnership to start from, and the policy key `protocols` in the browser's
// managed-storage schema (public/managed_schema.json). tests/unit/protocol-files.test.ts proves the
// committed files equal what this writes. Run: node scripts/gen-protocol-files.mjs
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { importTypeScript } from './typescript.mjs';

const { protocolJsonSchema, managedStorageSchema, SEEDS, parseProtocol, protocolFileText } = await importTypeScript(
  `export { protocolJsonSchema, managedStorageSchema } from './lib/protocols/json-schema'; export { SEEDS } from './lib/protocols/seeds'; export { parseProtocol, protocolFileText } from './lib/protocols/read';`,
);
const docs = new URL('../docs/', import.meta.url);
writeFileSync(new URL('protocol.schema.json', docs), `${JSON.stringify(protocolJsonSchema(), null, 2)}\n`);
mkdirSync(new URL('protocols/', docs), { recursive: true });
// The built-ins as the extension loads them (lib/protocols/built-in.ts): validated here, at build time.
for (const protocol of SEEDS.map(parseProtocol)) writeFileSync(new URL(`protocols/${protocol.id}.json`, docs), protocolFileText(protocol));

const managedUrl = new URL('../public/managed_schema.json', import.meta.url);
const managed = JSON.parse(readFileSync(managedUrl, 'utf8'));
managed.properties = {
  protocols: {
    title: 'Your organisation’s own protocols (the format of docs/protocol-format.md)',
    description: 'Up to 20 protocols; each invalid one is ignored with a warning on the options page.',
    type: 'array',
    items: managedStorageSchema(),
  },
  ...Object.fromEntries(Object.entries(managed.properties).filter(([key]) => key !== 'protocols')),
};
writeFileSync(managedUrl, `${JSON.stringify(managed, null, 2)}\n`);
