// The protocol format as JSON Schema, for editors and for anyone checking a file outside the extension.
// Generated from the zod schema itself, so the two cannot drift; what JSON Schema cannot say (stage ids in
// order, anchors naming stages that exist, no HTML) is checked on import and written in the guide.
import { z } from 'zod';
import { ProtocolSchema } from './schema';

/**
 * What a nested field means wherever it appears (a clock's `days`, any rule's `quote`), for fields the zod schema
 * leaves undescribed because they mean the same in every place; keyed by name, or name and JSON type where one
 * name means two things (a clock's `hours` is a number, a contact's is its opening hours).
 */
const FIELD_WORDS: Record<string, string> = {
  id: 'An id, unique among its neighbours: lower-case words and hyphens ("stage-1", "talk-2-days").',
  quote: 'The sentence of the document that says this, copied exactly.',
  text: 'What it says, in plain English.',
  label: 'Short plain-English words shown for it.',
  whoQuote: 'The sentence of the document that says who acts.',
  kind: 'Which kind it is (for a clock, how it counts: see the guide’s "Clocks").',
  days: 'How many working days.',
  fromDay: 'The window’s first day (Day 1 is the concern’s working day).',
  toDay: 'The window’s last day: due by the end of it.',
  'hours:integer': 'How many hours, counted by the clock, weekends and all.',
  'hours:string': 'When it can be called, as the document says ("Mon–Fri 09:00–17:00").',
  amount: 'How many days, weeks or months (see `unit`).',
  required: 'Whether the start form asks for the agreed timeframe before the escalation starts.',
  setBy: 'Who sets the timeframe: the manager at the stage, or the parties together.',
  agency: 'The kind of agency, as the document names it.',
  role: 'Who that is in that agency, in the document’s words.',
  duties: 'What must be done at this stage (may be empty).',
  clocks: 'This stage’s deadlines (empty when the document sets none).',
  notes: 'Guidance, in the document’s words.',
  byAgency: 'Who that is in particular agencies, where the document says so.',
  stages: 'The stages this clock governs.',
  name: 'Its name, as people know it.',
  area: 'The area it serves.',
  email: 'Its email address.',
  url: 'Where the document is published.',
  source: 'The document it reproduces ("Appendix 2 of the protocol"): the case notes say it is from there.',
  noteTitle: 'Suggested title for the case note, with {fact} placeholders.',
  referenceLine: 'Whether the escalation’s reference line ends the text, so the note finds its escalation again.',
  sections: 'The form’s sections, in order.',
  heading: 'The section’s heading.',
  intro: 'Words printed under the heading, before its rows.',
  fields: 'The section’s rows.',
  fact: 'What fills the row, from the escalation’s record; `toComplete` leaves a blank to complete.',
  onlyWhenKnown: 'Leave the row out when the record does not have it.',
  agencies: 'The agencies the table has columns for.',
  illegible: 'Cells the source cannot be read with confidence, with the words that are there.',
  level: 'The level the cell is at (1 is the lowest).',
  words: 'The words the cell has, as far as they can be read.',
  choices: 'The answers to choose from.',
  title: 'Its title, in the document’s words.',
};

type Described = { [key: string]: unknown };

/** Gives every nested property without a description the table's, so an editor explains each field. */
function describeFields(node: unknown): void {
  if (Array.isArray(node)) return node.forEach(describeFields);
  if (!node || typeof node !== 'object') return;
  const schema = node as Described;
  for (const [name, value] of Object.entries((schema.properties ?? {}) as Record<string, Described>)) {
    const words = FIELD_WORDS[`${name}:${String(value.type)}`] ?? FIELD_WORDS[name];
    if (!value.description && words) value.description = words;
  }
  for (const value of Object.values(schema)) describeFields(value);
}

export function protocolJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(ProtocolSchema, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown> & {
    properties: Record<string, unknown>;
  };
  describeFields(schema);
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
