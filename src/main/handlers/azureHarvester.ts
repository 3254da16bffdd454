/** TEMPORARY stub until src/main/azure/index.ts lands. */
import type { HarvesterPort } from './deps';

/** The real harvester. */
export function azureHarvester(): HarvesterPort {
  return {
    async listSubscriptions() { throw new Error('harvester not available yet'); },
    async harvest() { throw new Error('harvester not available yet'); },
  };
}
