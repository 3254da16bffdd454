/** The renderer ↔ main contract: channel maps, Result, the API shape. */
export * from './result';
export * from './contract';
export * from './api';
export * from './csp';
