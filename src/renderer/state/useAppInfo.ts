/** app:info, asked once per page. */
import { useEffect, useState } from 'react';
import type { AppInfo } from '../../shared/ipc/contract';
import { getApi } from '../transport/api';

let cached: Promise<AppInfo | undefined> | undefined;

/** The host's info, or undefined while loading / on failure. */
export function useAppInfo(): AppInfo | undefined {
  const [info, setInfo] = useState<AppInfo | undefined>();
  useEffect(() => {
    cached ??= getApi().invoke['app:info']({}).then((r) => (r.ok ? r.value : undefined));
    let live = true;
    void cached.then((v) => live && setInfo(v));
    return () => {
      live = false;
    };
  }, []);
  return info;
}
