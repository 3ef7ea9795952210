// A host adapter says how to find the child on a case-record system's pages:
// which URLs it applies to, where the child's ID is, what a valid ID looks
// like, and where the case-note field is. Adapters are data, so admins and
// users can correct them when a supplier changes its markup.
import { z } from 'zod';
import { unsafePattern } from './patterns';

/** A regular expression safe to run on page text (lib/hosts/patterns.ts says what is refused and why). */
const Pattern = z
  .string()
  .min(1)
  .max(500)
  .superRefine((pattern, ctx) => {
    const problem = unsafePattern(pattern);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  });
const Selector = z.string().trim().min(1).max(500);

/** Chrome-style match pattern: scheme://host/path with * wildcards, e.g. https://*.example.gov.uk/mosaic/*. */
export const MatchPatternSchema = z
  .string()
  .regex(/^(\*|https?):\/\/(\*|(\*\.)?[^/*:]+)(:\d+)?\/.*$/, 'must look like https://host.example.gov.uk/path/*');

const SourceBase = {
  /** Applied to the text found; the first capture group (or the whole match) is the ID. */
  regex: Pattern.optional(),
};

export const ChildIdSourceSchema = z.discriminatedUnion('kind', [
  /** An element's text (or one of its attributes). */
  z.object({ ...SourceBase, kind: z.literal('selector'), selector: Selector, attribute: z.string().min(1).max(100).optional() }),
  /** The text beside a label such as "Mosaic ID": in the same text ("Mosaic ID: 123") or the next element (dt/dd, th/td). */
  z.object({
    ...SourceBase,
    kind: z.literal('label'),
    labels: z.array(z.string().trim().min(1).max(100)).min(1),
    within: Selector.optional(),
  }),
  /** A query parameter of the page URL (?personId=123). */
  z.object({ ...SourceBase, kind: z.literal('url-param'), param: z.string().min(1).max(100) }),
  /** The page URL's path, read with `regex` (/person/123). */
  z.object({ kind: z.literal('url-path'), regex: Pattern }),
  /** The page title. */
  z.object({ ...SourceBase, kind: z.literal('title') }),
]);
export type ChildIdSource = z.infer<typeof ChildIdSourceSchema>;

export const HostAdapterSchema = z.object({
  id: z.string().regex(/^[a-z0-9-]{1,64}$/, 'must be lower-case letters, digits and dashes'),
  name: z.string().trim().min(1).max(100),
  matches: z.array(MatchPatternSchema).min(1),
  childId: z.object({
    /** What the system calls the ID, as shown to workers ("Mosaic ID"). */
    label: z.string().trim().min(1).max(50),
    /** Tried in order; the first valid ID wins. */
    sources: z.array(ChildIdSourceSchema).min(1),
    /** A valid ID matches this whole pattern and is no longer than maxLength. */
    validator: z.object({ pattern: Pattern, maxLength: z.number().int().min(1).max(64) }),
    /**
     * For IDs printed in groups (NHS-number style, "943 476 5919"): the characters that may stand between the
     * groups. They are removed, and the ID is the groups joined ("9434765919"), which the validator must accept.
     * Without them, grouped digits are no ID.
     */
    separators: z
      .array(z.enum([' ', '-']))
      .max(2)
      .optional(),
  }),
  notes: z.object({
    /** The case-note field (textarea, input or rich-text editor), tried in order. */
    fields: z.array(Selector).default([]),
    /** Where the record's saved notes are shown (to find colleagues' escalation references). */
    history: Selector.optional(),
  }),
});
export type HostAdapter = z.infer<typeof HostAdapterSchema>;
export type HostAdapterInput = z.input<typeof HostAdapterSchema>;
