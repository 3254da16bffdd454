/**
 * Minimal ANSI styling for the CLI table. The caller decides whether colour is on (TTY, NO_COLOR,
 * --color); with it off every function is the identity, so tests and pipes get plain text.
 */
import type { Light } from './flowGroups';

/** Styling functions; all identity when colour is off. */
export interface Paint {
  readonly light: (light: Light, text: string) => string;
  readonly bold: (text: string) => string;
  readonly dim: (text: string) => string;
}

const CODES: Readonly<Record<Light, string>> = { red: '31', amber: '33', green: '32' };
const wrap = (code: string, text: string): string => `\u001b[${code}m${text}\u001b[0m`;

/** Build the painter for one report. */
export function paint(color: boolean): Paint {
  if (!color) return { light: (_l, t) => t, bold: (t) => t, dim: (t) => t };
  return {
    light: (light, t) => wrap(CODES[light], t),
    bold: (t) => wrap('1', t),
    dim: (t) => wrap('2', t),
  };
}
