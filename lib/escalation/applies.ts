// What of a second-edition protocol applies to one escalation: the route for its kind of disagreement, and the
// roles the document names for the worker's kind of agency.
import type { DISAGREEMENT_KINDS } from '../protocols/kinds';
import type { Condition, Counterpart, Protocol } from '../protocols/schema';
import { conditionHolds, type FactValue } from '../schedule/schedule';

type Route = NonNullable<Protocol['routes']>[number];
type DisagreementKind = keyof typeof DISAGREEMENT_KINDS;

/**
 * The protocol's routes split by the escalation's kind of disagreement: the ones for its kind (shown above the
 * ladder as the way to go) and the rest (guidance, folded away). Without a kind (a preview), every route is guidance.
 */
export function routesFor(protocol: Protocol, kind: DisagreementKind | undefined): { forThisKind: Route[]; others: Route[] } {
  const routes = protocol.routes ?? [];
  const ours = (r: Route) => kind !== undefined && r.kinds.includes(kind);
  return { forThisKind: routes.filter(ours), others: routes.filter((r) => !ours(r)) };
}

/** A role to show, with the condition still to be answered (absent when it holds or there is none). */
export interface RoleShown {
  agency: string;
  role: string;
  condition?: Condition;
}

/**
 * The roles a worker sees: a row with a condition shows only when the recorded answer matches; while the
 * question is unanswered every row shows with its condition, so the worker can tell which is theirs.
 */
export function rolesFor(roles: readonly Counterpart[], facts: Readonly<Record<string, FactValue>> = {}): RoleShown[] {
  return roles.flatMap(({ agency, role, when }): RoleShown[] => {
    if (!when) return [{ agency, role }];
    const holds = conditionHolds(when, facts);
    if (holds === false) return [];
    return [holds === null ? { agency, role, condition: when } : { agency, role }];
  });
}
