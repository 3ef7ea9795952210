// Writes the protocol format's JSON Schema (docs/protocol.schema.json), generated from the zod schema that
// validates every protocol (lib/protocols/schema.ts), and each built-in protocol as a file in that format
// (docs/protocols/ID.json), for a partnership to start from. tests/unit/protocol-files.test.ts proves the
// committed files equal what this writes. Run: node scripts/gen-protocol-files.mjs
import { mkdirSync, writeFileSync } from 'node:fs';
import { importTypeScript } from './typescript.mjs';

const { protocolJsonSchema, builtInProtocols, protocolFileText } = await importTypeScript(
  `export { protocolJsonSchema } from './lib/protocols/json-schema'; export { builtInProtocols, protocolFileText } from './lib/protocols';`,
);
const docs = new URL('../docs/', import.meta.url);
writeFileSync(new URL('protocol.schema.json', docs), `${JSON.stringify(protocolJsonSchema(), null, 2)}\n`);
mkdirSync(new URL('protocols/', docs), { recursive: true });
for (const protocol of builtInProtocols()) writeFileSync(new URL(`protocols/${protocol.id}.json`, docs), protocolFileText(protocol));
