/** The snapshot model: records, ids, the on-disk format. */
export * from './armId';
export type * from './resources';
export type * from './firewall';
export type * from './serviceTags';
export type * from './snapshot';
export * from './snapshotFile';
