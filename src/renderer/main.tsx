/**
 * Renderer entry, kept tiny on purpose: it starts the layout worker (ELK's start-up takes about a
 * second) before the big app chunk (React, React Flow, the engine) is even parsed, so both happen
 * at once; then it loads and mounts the app.
 */
import { prewarmLayout } from './layout/layoutClient';

prewarmLayout();
void import('./boot').then((m) => m.boot());
