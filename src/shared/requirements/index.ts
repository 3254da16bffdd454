/** The requirements catalogue: data every surface reads. */
export * from './catalogue';
export type * from './types';
export * from './dependencies';
