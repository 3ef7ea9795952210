// How many child IDs a theme may list (issue 36), checked by the record's schema (model.ts) and the theme form
// (lib/escalation/start-form.ts) alike; apart from both so the form, which the panels load, needs no zod.
export const MAX_THEME_CHILD_IDS = 50;
