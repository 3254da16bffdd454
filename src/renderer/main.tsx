/**
 * Renderer entry, kept small on purpose: before the big app chunk (React, React Flow, the engine) is
 * even fetched, it asks for the initial file, so both arrive together; then it loads and mounts the
 * app. The ELK layout worker is not started here: most estates (hubs with spokes) are laid out
 * without it, and on two cores its start-up (about a second of CPU) would slow everything else
 * down; an estate that needs it starts it as soon as its snapshot is read (see prelayout).
 */
import { prefetchInitialFile } from './state/initialFile';

prefetchInitialFile();
void import('./boot').then((m) => m.boot());
