// The events a second-edition clock may count from, recorded by the worker at a stage (a meeting arranged or held, a
// referral received, the stage acknowledged, the person informed). Apart from the schema so that the panels, which
// show and schedule them, load no zod (the side panel's first load: README, "Bundle sizes").
export const RECORDED_EVENTS = ['meeting-arranged', 'meeting-held', 'referral-received', 'acknowledged', 'informed'] as const;
export type RecordedEvent = (typeof RECORDED_EVENTS)[number];
