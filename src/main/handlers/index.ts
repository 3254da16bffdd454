/** Handlers shared by the Electron shell and the browser-mode server. */
export * from './deps';
export * from './createHandlers';
export * from './dispatch';
export * from './handlerError';
export * from './recentFiles';
export * from './azureHarvester';
