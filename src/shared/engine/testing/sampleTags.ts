/**
 * A tiny synthetic service-tag file for tests: prefixes chosen so that containment between tags
 * (Storage ⊇ Storage.WestEurope, AzureCloud ⊇ everything here) is visible at a glance.
 */
import type { ServiceTagData } from '../../model/serviceTags';

/** Storage (two regions), AzureMachineLearning, AzureCloud; one IPv6 prefix to prove it is ignored. */
export const SAMPLE_TAGS: ServiceTagData = {
  cloud: 'AzureCloud',
  source: 'test',
  tags: [
    { name: 'Storage', region: '', systemService: 'AzureStorage', addressPrefixes: ['20.38.0.0/16', '20.60.0.0/16', '2603:1000::/40'] },
    { name: 'Storage.WestEurope', region: 'westeurope', systemService: 'AzureStorage', addressPrefixes: ['20.38.0.0/16'] },
    { name: 'Storage.NorthEurope', region: 'northeurope', systemService: 'AzureStorage', addressPrefixes: ['20.60.0.0/16'] },
    { name: 'AzureMachineLearning', region: '', systemService: 'AzureMachineLearning', addressPrefixes: ['40.74.0.0/24'] },
    { name: 'AzureCloud', region: '', systemService: '', addressPrefixes: ['20.0.0.0/8', '40.0.0.0/8'] },
  ],
};
