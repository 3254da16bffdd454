/**
 * Service tag data: tag name → address prefixes, as Azure publishes it (the Service Tag Discovery
 * API and the weekly "Service Tags – Public" download share this shape). Optional in a snapshot: the
 * engine reasons on tag names symbolically and uses prefixes only when it has them.
 */
export interface ServiceTagEntry {
  /** e.g. `Storage.WestEurope`, `AzureMachineLearning` (original case). */
  readonly name: string;
  /** Region as the file writes it (`westeurope`), '' for a global tag. */
  readonly region: string;
  /** e.g. `AzureStorage`; lets `Storage.westeurope` be found as part of `Storage`. */
  readonly systemService: string;
  readonly addressPrefixes: readonly string[];
}

export interface ServiceTagData {
  /** `AzureCloud`, `AzureChinaCloud`, `AzureUSGovernment`. */
  readonly cloud: string;
  readonly changeNumber?: number;
  /** Where the data came from: `harvest`, a file path, … */
  readonly source: string;
  readonly tags: readonly ServiceTagEntry[];
}
