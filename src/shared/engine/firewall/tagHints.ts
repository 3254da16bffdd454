/**
 * Tag hints (firewall semantics §4.3): which service tag a well-known public FQDN most likely
 * resolves into, so an FQDN flow can be tested against network rules written with service tags
 * when the engine cannot resolve the name. A heuristic (UNCONFIRMED mapping): every verdict that
 * used it carries caveat `TagHintUsed`.
 */
import { canonicalRegion } from '../../servicetags/tagNames';
import { normalizeFqdn } from './fqdnMatch';

const FIXED: readonly [RegExp, string][] = [
  [/^login\.microsoftonline\.com$/, 'AzureActiveDirectory'],
  [/^graph\.windows\.net$/, 'AzureActiveDirectory'],
  [/^management\.azure\.com$/, 'AzureResourceManager'],
  [/^(?:.+\.)?data\.mcr\.microsoft\.com$/, 'MicrosoftContainerRegistry'],
  [/^mcr\.microsoft\.com$/, 'MicrosoftContainerRegistry'],
  [/^.+\.(?:blob|queue|table|file|dfs)\.core\.windows\.net$/, 'Storage'],
  [/^.+\.instances\.azureml\.(?:ms|net)$/, 'AzureMachineLearning'],
  [/^(?:.+\.)?api\.azureml\.ms$/, 'AzureMachineLearning'],
];

/** The hinted tag of `fqdn`, or undefined when there is none. */
export function tagHintForFqdn(fqdn: string): string | undefined {
  const n = normalizeFqdn(fqdn);
  const tundra = /^([a-z0-9]+)\.tundra\.azureml\.ms$/.exec(n);
  if (tundra?.[1] && canonicalRegion(tundra[1])) return 'AzureMachineLearning';
  const batch = /^.+?\.([a-z0-9]+)\.(?:service\.)?batch\.azure\.com$/.exec(n);
  if (batch?.[1] && canonicalRegion(batch[1])) return `BatchNodeManagement.${canonicalRegion(batch[1])}`;
  for (const [re, tag] of FIXED) if (re.test(n)) return tag;
  return undefined;
}
