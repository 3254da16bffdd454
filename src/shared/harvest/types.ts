/**
 * The harvest's request, progress events and outcome: shared by the CLI progress bar, the IPC
 * contract and the app's harvest dialog. The harvester itself lives in src/main/azure.
 */

export type CloudName = 'AzureCloud' | 'AzureChinaCloud' | 'AzureUSGovernment' | 'Custom';
export type SignInMethod = 'azureCli' | 'interactiveBrowser' | 'deviceCode' | 'default' | 'accessToken';
export type HarvestVia = 'arm' | 'resource-graph';

export interface HarvestRequest {
  readonly cloud: CloudName;
  /** Required for `Custom`; overrides the cloud's ARM endpoint otherwise. */
  readonly armEndpoint?: string;
  readonly tenantId?: string;
  readonly signIn: SignInMethod;
  /** Subscription ids to read; empty with `all` = every subscription the identity sees. */
  readonly subscriptions: readonly string[];
  readonly all: boolean;
  readonly via: HarvestVia;
}

export interface SubscriptionInfo {
  readonly subscriptionId: string;
  readonly displayName: string;
  readonly tenantId?: string;
  readonly state?: string;
}

/** One progress event: a (subscription × resource type) step and how many items so far. */
export interface HarvestProgress {
  readonly subscriptionId: string;
  /** ARM type being read, e.g. `Microsoft.Network/virtualNetworks`, or `serviceTags`. */
  readonly resourceType: string;
  readonly state: 'started' | 'page' | 'done' | 'failed' | 'skipped';
  readonly items: number;
  /** Steps finished / total planned, for a progress bar. */
  readonly completedSteps: number;
  readonly totalSteps: number;
  readonly message?: string;
}

/**
 * What the user must do to finish signing in, sent while a device-code or interactive-browser
 * sign-in waits for them. Never a token: the code is single-use and worthless without the user's
 * own sign-in, and it is shown, never stored.
 */
export interface SignInPrompt {
  readonly method: 'deviceCode' | 'interactiveBrowser';
  /** The instruction as the identity library words it (device code) or ours (browser). */
  readonly message: string;
  /** Device code: the page to open… */
  readonly verificationUri?: string;
  /** …and the code to enter there. */
  readonly userCode?: string;
}
