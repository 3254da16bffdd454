/**
 * Service tag names without prefix data: which names are tags, which are regional (`Storage.WestEurope`)
 * and which are special (VirtualNetwork, Internet, platform addresses). The symbolic rules of the
 * TagIndex need this to work on a snapshot that carries no service-tag file.
 */

/** Tags whose meaning is not an Azure service's public prefixes (semantics §1.5). */
export const SPECIAL_TAGS = ['VirtualNetwork', 'Internet', 'AzureLoadBalancer', 'AzurePlatformDNS', 'AzurePlatformIMDS', 'AzurePlatformLKM'] as const;

/** Tags that are not subsets of `Internet` (they name VNet or platform addresses). */
export const NON_PUBLIC_TAGS: ReadonlySet<string> = new Set(
  ['virtualnetwork', 'azureloadbalancer', 'azureplatformdns', 'azureplatformimds', 'azureplatformlkm'],
);

/**
 * Global service tags of the public cloud (from the 2025-10 "Service Tags – Public" file) plus the
 * special ones; a name outside this list is still accepted as a tag when the loaded data has it.
 */
const KNOWN = [
  ...SPECIAL_TAGS,
  'ActionGroup', 'ApplicationInsightsAvailability', 'AutonomousDevelopmentPlatform', 'AzureActiveDirectory',
  'AzureHealthcareAPIs', 'AzureAdvancedThreatProtection', 'ApiManagement', 'AppConfiguration', 'AppService',
  'AppServiceManagement', 'AzureArcInfrastructure', 'AzureAttestation', 'GuestAndHybridManagement', 'AzureBackup',
  'AzureBotService', 'AzureCognitiveSearch', 'AzureConnectors', 'AzureContainerRegistry', 'AzureCosmosDB',
  'AzureDataExplorerManagement', 'AzureDataLake', 'AzureDatabricks', 'AzureDevOps', 'AzureDevSpaces',
  'AzureDeviceUpdate', 'AzureDigitalTwins', 'AzureEventGrid', 'EventHub', 'AzureInformationProtection', 'AzureIoTHub',
  'AzureKeyVault', 'AzureLoadTestingInstanceManagement', 'AzureMachineLearning', 'AzureMachineLearningInference',
  'AzureManagedGrafana', 'AzureMonitor', 'AzureMonitorForSAP', 'AzureOpenDatasets', 'AzurePortal',
  'AzureResourceManager', 'Sql', 'AzureSecurityCenter', 'AzureSentinel', 'ServiceBus', 'AzureSignalR',
  'AzureSiteRecovery', 'AzureSphere', 'AzureSpringCloud', 'AzureStack', 'Storage', 'AzureTrafficManager',
  'AzureUpdateDelivery', 'VideoIndexer', 'AzureWebPubSub', 'BatchNodeManagement', 'ChaosStudio',
  'CognitiveServicesFrontend', 'CognitiveServicesManagement', 'DataFactory', 'Dynamics365BusinessCentral',
  'Dynamics365ForMarketingEmail', 'EOPExternalPublishedIPs', 'GatewayManager', 'Grafana', 'HDInsight', 'LogicApps',
  'M365ManagementActivityApi', 'M365ManagementActivityApiWebhook', 'Marketplace', 'MicrosoftAzureFluidRelay',
  'MicrosoftCloudAppSecurity', 'MicrosoftContainerRegistry', 'MicrosoftDefenderForEndpoint',
  'MicrosoftPurviewPolicyDistribution', 'OneDsCollector', 'PowerBI', 'PowerPlatformInfra', 'PowerPlatformPlex',
  'PowerQueryOnline', 'SCCservice', 'Scuba', 'SecurityCopilot', 'SerialConsole', 'ServiceFabric', 'SqlManagement',
  'StorageMover', 'StorageSyncService', 'KustoAnalytics', 'WindowsVirtualDesktop', 'WindowsAdminCenter',
  'AzureFrontDoor.Frontend', 'AzureFrontDoor.FirstParty', 'AzureFrontDoor.MicrosoftSecurity', 'AzureFrontDoor.Backend',
  'AzureActiveDirectoryDomainServices', 'AzureActiveDirectory.ServiceEndpoint', 'AzureMonitor.Core',
  'DataFactoryManagement', 'LogicAppsManagement', 'AzureCloud',
  // Older or sovereign-cloud names still met in NSGs.
  'AzureFrontDoor', 'AzureDataLakeStore', 'MicrosoftCloud', 'AzureConnectors', 'ElasticAFD',
];

/** Lower-case well-known tag names. */
export const KNOWN_TAGS: ReadonlySet<string> = new Set(KNOWN.map((t) => t.toLowerCase()));

/**
 * Azure regions as ARM writes them, plus the short forms the service-tag file uses in some names and
 * in `region` (germanywc, norwaye, …) mapped onto the ARM name, so `Storage.germanywestcentral`
 * and `AzureCloud.germanywc` compare as one region.
 */
const REGION_ALIASES: Readonly<Record<string, string>> = {
  germanywc: 'germanywestcentral', germanyn: 'germanynorth', norwaye: 'norwayeast', norwayw: 'norwaywest',
  switzerlandn: 'switzerlandnorth', switzerlandw: 'switzerlandwest', centralfrance: 'francecentral',
  southfrance: 'francesouth', brazilse: 'brazilsoutheast', brazilne: 'brazilnortheast', chilec: 'chilecentral',
  usstagec: 'southcentralusstg', usstagee: 'eastusstg',
};

const REGIONS = [
  'australiacentral', 'australiacentral2', 'australiaeast', 'australiasoutheast', 'austriaeast', 'belgiumcentral',
  'brazilsouth', 'brazilsoutheast', 'brazilnortheast', 'canadacentral', 'canadaeast', 'centralindia', 'centralus',
  'centraluseuap', 'chilecentral', 'eastasia', 'eastus', 'eastus2', 'eastus2euap', 'eastus3', 'francecentral', 'francesouth',
  'germanynorth', 'germanywestcentral', 'indonesiacentral', 'israelcentral', 'israelnorthwest', 'italynorth', 'japaneast',
  'japanwest', 'jioindiacentral', 'jioindiawest', 'koreacentral', 'koreasouth', 'malaysiasouth', 'malaysiawest',
  'mexicocentral', 'newzealandnorth', 'northcentralus', 'northeurope', 'northeurope2', 'norwayeast', 'norwaywest',
  'polandcentral', 'qatarcentral', 'southafricanorth', 'southafricawest', 'southcentralus', 'southcentralus2',
  'southeastasia', 'southeastus', 'southeastus3', 'southindia', 'spaincentral', 'swedencentral', 'swedensouth',
  'switzerlandnorth', 'switzerlandwest', 'taiwannorth', 'taiwannorthwest', 'uaecentral', 'uaenorth', 'uksouth', 'ukwest',
  'westcentralus', 'westeurope', 'westindia', 'westus', 'westus2', 'westus3', 'southcentralusstg', 'eastusstg',
  'eastus2stage', 'northcentralusstage',
  // Sovereign clouds.
  'usgovarizona', 'usgovtexas', 'usgovvirginia', 'usdodcentral', 'usdodeast', 'chinaeast', 'chinaeast2', 'chinaeast3',
  'chinanorth', 'chinanorth2', 'chinanorth3',
];
const REGION_SET: ReadonlySet<string> = new Set(REGIONS);

/** The ARM spelling of a region name or alias (lower case), or undefined when it is not a region. */
export function canonicalRegion(name: string): string | undefined {
  const lower = name.toLowerCase();
  const aliased = REGION_ALIASES[lower] ?? lower;
  return REGION_SET.has(aliased) ? aliased : undefined;
}

/** Every spelling of a region (ARM name and the tag file's short form), for name lookups. */
export function regionSpellings(region: string): string[] {
  const canon = canonicalRegion(region) ?? region.toLowerCase();
  const out = [canon];
  for (const [alias, target] of Object.entries(REGION_ALIASES)) if (target === canon) out.push(alias);
  return out;
}

/** A tag name split into its service and (for regional tags) region: `Storage.WestEurope` → storage + westeurope. */
export interface TagName {
  /** Lower-case full name. */
  readonly key: string;
  /** Lower-case service part (`storage`, `azurefrontdoor.frontend`). */
  readonly service: string;
  /** ARM region name, for regional tags. */
  readonly region?: string;
}

/** Split a tag name: the part after the last dot is a region only when it names one. */
export function parseTagName(name: string): TagName {
  let parsed = parsedNames.get(name);
  if (!parsed) {
    if (parsedNames.size > 10_000) parsedNames.clear();
    parsedNames.set(name, (parsed = parseUncached(name)));
  }
  return parsed;
}

/** Tag names are parsed on every containment question; a handful of distinct spellings recur. */
const parsedNames = new Map<string, TagName>();

function parseUncached(name: string): TagName {
  const key = name.trim().toLowerCase();
  const dot = key.lastIndexOf('.');
  if (dot > 0) {
    const region = canonicalRegion(key.slice(dot + 1));
    if (region) return { key, service: key.slice(0, dot), region };
  }
  return { key, service: key };
}

/** Does this name look like a tag (letters, digits, dots; not an address or `*`)? */
export function looksLikeTagName(name: string): boolean {
  return /^[A-Za-z][A-Za-z0-9_-]*(\.[A-Za-z0-9_-]+)*$/.test(name.trim()) && !/^any$/i.test(name.trim());
}
