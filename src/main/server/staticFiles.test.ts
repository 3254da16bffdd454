import { describe, expect, it } from 'vitest';
import { resolveStaticPath } from './staticFiles';

describe('resolveStaticPath', () => {
  it('maps / to index.html and files under the root', () => {
    expect(resolveStaticPath('/app/out/renderer', '/')).toBe('/app/out/renderer/index.html');
    expect(resolveStaticPath('/app/out/renderer', '/assets/a.js')).toBe('/app/out/renderer/assets/a.js');
  });
  it('never leaves the root', () => {
    expect(resolveStaticPath('/app/out/renderer', '/../../etc/passwd')).toBeUndefined();
    expect(resolveStaticPath('/app/out/renderer', '/%2e%2e/%2e%2e/etc/passwd')).toBeUndefined();
    expect(resolveStaticPath('/app/out/renderer', '/..%2frenderer2/x')).toBeUndefined();
    expect(resolveStaticPath('/app/out/renderer', '/a%00.js')).toBeUndefined();
    expect(resolveStaticPath('/app/out/renderer', '/%E0%A4%A')).toBeUndefined();
  });
});
