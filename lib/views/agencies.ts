// Agencies as kinds from one fixed list, for the anonymised figures: an agency's name is free text a worker
// typed ("Children's Social Care, Halton", "St Mary's Primary"), and free text can name a school, a team or a
// person, so the anonymised list carries only the kind. A name that matches no kind is "Other agency".

export const AGENCY_KINDS = [
  'Children’s social care',
  'Health',
  'Police',
  'Education',
  'Probation and youth justice',
  'Housing',
  'Adult social care',
  'Voluntary and community sector',
  'Other agency',
] as const;

export type AgencyKind = (typeof AGENCY_KINDS)[number];

/** The first kind whose words appear in the name (whole words, any case). Order matters: "adult" before "social care". */
const KIND_WORDS: [AgencyKind, RegExp][] = [
  ['Adult social care', /\badults?\b.*\b(social|care|services)\b|\basc\b/i],
  [
    'Children’s social care',
    /\b(social care|social work(er|ers)?|children'?s services|csc|mash|early help|local authority|council|child protection)\b/i,
  ],
  ['Health', /\b(health|nhs|hospital|gp|doctor|nurse|nursing|midwi(fe|fery|ves)|camhs|clinic|ambulance|paediatric\w*|icb|ccg)\b/i],
  ['Police', /\b(police|constabulary|officer|cid|pppu)\b/i],
  [
    'Education',
    /\b(school|academy|college|nursery|education|teacher|send|senco|pupils?|university|primary|secondary|infants?|juniors?)\b/i,
  ],
  ['Probation and youth justice', /\b(probation|youth (justice|offending)|yot|yjs|prison)\b/i],
  ['Housing', /\b(housing|homeless\w*|landlord)\b/i],
  ['Voluntary and community sector', /\b(charity|voluntary|community group|barnardo'?s|nspcc|action for children|refuge|women'?s aid)\b/i],
];

export function agencyKind(name: string): AgencyKind {
  const words = name.replace(/[’‘]/g, "'");
  return KIND_WORDS.find(([, pattern]) => pattern.test(words))?.[0] ?? 'Other agency';
}
