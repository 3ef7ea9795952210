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

type JsonSchema = { [key: string]: unknown };

/**
 * The same format in the subset of JSON Schema that Chrome and Edge read for an extension's managed storage
 * (types, properties, items, enum): the browser keeps a policy's protocols only as far as this schema
 * describes them. Alternatives (the kinds of clock) become one object with every kind's properties; the
 * extension checks the rest (lib/protocols/read.ts), as for a file.
 */
export function managedStorageSchema(schema: JsonSchema = protocolJsonSchema()): JsonSchema {
  const alternatives = (schema.oneOf ?? schema.anyOf ?? schema.allOf) as JsonSchema[] | undefined;
  if (alternatives) {
    const properties: Record<string, JsonSchema> = {};
    for (const part of alternatives.map((p) => managedStorageSchema(p))) {
      for (const [key, value] of Object.entries((part.properties ?? {}) as Record<string, JsonSchema>)) {
        const known = properties[key];
        // The same property in several alternatives (a clock's `kind`): any of their values.
        properties[key] =
          known && Array.isArray(known.enum) && Array.isArray(value.enum)
            ? { ...known, enum: [...new Set([...known.enum, ...value.enum])] }
            : value;
      }
    }
    return { type: 'object', properties };
  }
  if ('const' in schema) return { type: typeof schema.const === 'boolean' ? 'boolean' : 'string', enum: [schema.const] };
  switch (schema.type) {
    case 'object': {
      const out: JsonSchema = { type: 'object' };
      if (schema.properties) {
        out.properties = Object.fromEntries(
          Object.entries(schema.properties as Record<string, JsonSchema>)
            .filter(([key]) => key !== '$schema')
            .map(([key, value]) => [key, managedStorageSchema(value)]),
        );
      }
      if (typeof schema.additionalProperties === 'object')
        out.additionalProperties = managedStorageSchema(schema.additionalProperties as JsonSchema);
      return out;
    }
    case 'array':
      return { type: 'array', items: managedStorageSchema(schema.items as JsonSchema) };
    case 'string':
      return Array.isArray(schema.enum) ? { type: 'string', enum: schema.enum } : { type: 'string' };
    default:
      return { type: schema.type };
  }
}
