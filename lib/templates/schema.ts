// A template is data: sections of labelled fields, each naming a fact about the
// escalation. Facts the extension does not know render as a marked blank.
import { z } from 'zod';

export const FACT_KEYS = [
  'reference',
  'partnership',
  'protocolTitle',
  'stage',
  'status',
  'kind',
  'summary',
  'themes',
  'childId',
  'childName',
  'childDob',
  'childAddress',
  'raisedBy',
  'raisedByEmail',
  'counterparts',
  'levelCurrent',
  'levelProposed',
  'concernDate',
  'thisStep',
  'agreed',
  'actions',
  'nextDue',
  'progress',
  'stage1Manager',
  'stage2Manager',
  'stage2Concluded',
  'boardMembers',
  'methodology',
  'resolvedAt',
  'resolvedStage',
  'lessons',
  'outcome',
  'completedBy',
  'today',
  'submitTo',
  'childDetails',
  'levelOfNeed',
  'resolutionDuties',
  'outstandingIssues',
  /** A row no recorded fact fills (the date of the professionals' meeting, the outcome sought): left for the person completing the form. */
  'toComplete',
] as const;
export type FactKey = (typeof FACT_KEYS)[number];

const FactKeySchema = z.enum(FACT_KEYS);

export const TemplateSchema = z.object({
  id: z.string().regex(/^[a-z0-9-]+$/),
  /** What the worker sees in the list of templates. */
  name: z.string().min(1),
  /** Which protocols it belongs to ('*' for all). */
  protocols: z.array(z.string()).min(1),
  /** The document it reproduces, where there is one. */
  source: z.string().optional(),
  /** 'note' and 'form' copy as text and HTML; 'log-row' copies as one tab-separated spreadsheet row. */
  kind: z.enum(['note', 'form', 'log-row']),
  /** Suggested title for the host's case note, with {fact} placeholders. */
  noteTitle: z.string().min(1),
  sections: z
    .array(
      z.object({
        heading: z.string().optional(),
        intro: z.string().optional(),
        fields: z.array(
          z.object({
            label: z.string().min(1),
            fact: FactKeySchema,
            /** Leave the row out (rather than print a blank to complete) while the fact does not apply yet. */
            onlyWhenKnown: z.boolean().optional(),
          }),
        ),
      }),
    )
    .min(1),
  /** Whether the reference line ends the text (case notes do). */
  referenceLine: z.boolean(),
});
export type Template = z.infer<typeof TemplateSchema>;

/** A partnership's own form, carried by its protocol (lib/protocols/schema.ts `forms`): a template for that protocol only. */
export const ProtocolFormSchema = TemplateSchema.omit({ protocols: true });
export type ProtocolForm = z.input<typeof ProtocolFormSchema>;
