// The protocol format as JSON Schema, for editors and for anyone checking a file outside the extension.
// Generated from the zod schema itself, so the two cannot drift; what JSON Schema cannot say (stage ids in
// order, anchors naming stages that exist, no HTML) is checked on import and written in the guide.
import { z } from 'zod';
import { ProtocolSchema } from './schema';

export function protocolJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(ProtocolSchema, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown> & {
    properties: Record<string, unknown>;
  };
  return {
    ...schema,
    title: 'Multi-agency escalation protocol',
    description: 'One local safeguarding partnership’s escalation protocol, as docs/protocol-format.md describes it.',
    properties: { $schema: { type: 'string', description: 'Where an editor finds this schema; ignored on import.' }, ...schema.properties },
  };
}
