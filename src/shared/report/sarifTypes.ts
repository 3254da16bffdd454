/**
 * The subset of the SARIF 2.1.0 object model VNetLens writes (OASIS SARIF v2.1.0, §3). Typed here
 * rather than pulled from a package so that src/shared stays dependency-free; field names follow
 * the standard exactly.
 */

export interface SarifMessage {
  readonly text: string;
}

export type SarifLevel = 'none' | 'note' | 'warning' | 'error';

export interface SarifReportingDescriptor {
  readonly id: string;
  readonly name?: string;
  readonly shortDescription?: SarifMessage;
  readonly fullDescription?: SarifMessage;
  readonly defaultConfiguration?: { readonly level: SarifLevel };
  readonly properties?: Readonly<Record<string, unknown>>;
}

export interface SarifLogicalLocation {
  readonly name?: string;
  readonly fullyQualifiedName?: string;
  readonly kind?: string;
}

export interface SarifLocation {
  readonly physicalLocation?: {
    readonly artifactLocation: { readonly uri: string; readonly index?: number };
    readonly region?: { readonly startLine: number };
  };
  readonly logicalLocations?: readonly SarifLogicalLocation[];
}

export interface SarifResult {
  readonly ruleId: string;
  readonly ruleIndex: number;
  readonly level: SarifLevel;
  readonly message: SarifMessage;
  readonly locations: readonly SarifLocation[];
  readonly partialFingerprints?: Readonly<Record<string, string>>;
  readonly properties?: Readonly<Record<string, unknown>>;
}

export interface SarifRun {
  readonly tool: {
    readonly driver: {
      readonly name: string;
      readonly version?: string;
      readonly informationUri?: string;
      readonly rules: readonly SarifReportingDescriptor[];
    };
  };
  readonly artifacts: readonly { readonly location: { readonly uri: string } }[];
  readonly results: readonly SarifResult[];
  readonly properties?: Readonly<Record<string, unknown>>;
}

/** A whole SARIF log as `vnetlens check --format sarif` prints it. */
export interface SarifLog {
  readonly $schema: string;
  readonly version: '2.1.0';
  readonly runs: readonly SarifRun[];
}
