/**
 * The NSG Azure ML creates for public-IP compute (semantics §5.3): inbound TCP 44224 from
 * `AzureMachineLearning` plus the defaults. It is not in the customer's snapshot, so the engine
 * models it; its priority is an assumption because Microsoft does not document it.
 */
import { resourceGroupOf, subscriptionOf } from '../../model/armId';
import type { NetworkSecurityGroup } from '../../model/resources';
import type { Assumptions } from '../assumptions';
import { defaultSecurityRules } from '../../model/defaultSecurityRules';

/** Name of the modelled inbound rule. */
export const AML_AUTO_RULE_NAME = 'AzureMachineLearningInbound44224';

/** The id of a compute's modelled auto NSG (synthetic, under the compute's id). */
export function autoNsgId(computeId: string): string {
  return `${computeId}/providers/VNetLens/autoNsg`;
}

/** The auto-created AML NSG of a public-IP compute, as a synthetic record. */
export function amlAutoNsg(computeId: string, assumptions: Assumptions): NetworkSecurityGroup {
  const id = autoNsgId(computeId);
  return {
    id,
    name: 'aml-auto-nsg',
    type: 'VNetLens/autoNsg',
    location: '',
    subscriptionId: subscriptionOf(computeId),
    resourceGroup: resourceGroupOf(computeId),
    securityRules: [{
      id: `${id}/securityRules/${AML_AUTO_RULE_NAME}`,
      name: AML_AUTO_RULE_NAME,
      priority: assumptions.autoNsgRulePriority,
      direction: 'Inbound',
      access: 'Allow',
      protocol: 'Tcp',
      sourceAddressPrefixes: ['AzureMachineLearning'],
      destinationAddressPrefixes: ['*'],
      sourcePortRanges: ['*'],
      destinationPortRanges: ['44224'],
      sourceAsgIds: [],
      destinationAsgIds: [],
      isDefault: false,
      description: 'Modelled: created by Azure ML for public-IP compute (semantics §5.3).',
    }],
    defaultSecurityRules: defaultSecurityRules(id),
    subnetIds: [],
    nicIds: [],
  };
}
