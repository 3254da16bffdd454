/** Browser mode: the renderer and the contract over loopback HTTP. */
export * from './auth';
export * from './createServer';
export * from './startBrowserMode';
export * from './appRoot';
