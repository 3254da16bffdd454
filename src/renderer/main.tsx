/**
 * Renderer entry, kept small on purpose: before the big app chunk (React, React Flow, the engine) is
 * even fetched, it starts the layout worker (ELK's start-up takes about a second) and asks for the
 * initial file, so all three happen at once; then it loads and mounts the app.
 */
import { prewarmLayout } from './layout/layoutClient';
import { prefetchInitialFile } from './state/initialFile';

prewarmLayout();
prefetchInitialFile();
void import('./boot').then((m) => m.boot());
