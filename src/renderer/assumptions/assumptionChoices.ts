/**
 * The values a multiple-choice assumption takes, for the panel's selects. The engine types them as
 * string unions (no runtime list), so they are listed here and the compiler holds the list to the
 * engine's types both ways: every union-valued assumption has an entry, and each entry names every
 * member of its union and nothing else. Booleans get a checkbox; the rest a text field.
 */
import type { Assumptions } from '../../shared/engine/assumptions';

/** Assumptions whose value is a union of string literals. */
type ChoiceId = {
  [K in keyof Assumptions]: Assumptions[K] extends string ? (string extends Assumptions[K] ? never : K) : never;
}[keyof Assumptions];

/** `values`, checked to name every member of T. */
function every<T extends string>() {
  return <const A extends readonly T[]>(values: A & ([T] extends [A[number]] ? unknown : { missing: Exclude<T, A[number]> })): readonly T[] => values;
}

/** id → every value it may take. */
export const ASSUMPTION_CHOICES: { readonly [K in ChoiceId]: readonly Assumptions[K][] } = {
  udrPrefixesInVirtualNetworkTag: every<Assumptions['udrPrefixesInVirtualNetworkTag']>()(['none', 'cidr', 'cidrAndTags']),
  peeringAccess: every<Assumptions['peeringAccess']>()(['bothSides', 'receivingSide']),
  autoNsgAttachment: every<Assumptions['autoNsgAttachment']>()(['nic', 'none']),
  requirementProfile: every<Assumptions['requirementProfile']>()(['current']),
  fqdnNetworkRuleWithoutDnsProxy: every<Assumptions['fqdnNetworkRuleWithoutDnsProxy']>()(['unknown', 'treatAsMatch', 'treatAsNoMatch']),
  adminConflict: every<Assumptions['adminConflict']>()(['higherScopeOnly', 'mergeHigherScopeFirst']),
  networkIntentPolicyDefault: every<Assumptions['networkIntentPolicyDefault']>()(['None', 'AllowRulesOnly', 'All']),
};

/** The choices of `id`, if it is a multiple-choice assumption. */
export function choicesOf(id: string): readonly string[] | undefined {
  return Object.prototype.hasOwnProperty.call(ASSUMPTION_CHOICES, id) ? ASSUMPTION_CHOICES[id as ChoiceId] : undefined;
}
