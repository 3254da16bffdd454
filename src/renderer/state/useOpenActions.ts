/** Opening estates: sample, dialog, path, upload, recent, the `--open` file; one place for errors. */
import { useCallback } from 'react';
import type { OpenedFile } from '../../shared/ipc/contract';
import type { Result } from '../../shared/ipc/result';
import { getApi } from '../transport/api';
import { loadEstate } from './loadEstate';
import { useApp } from './store';
import { markStage } from '../perfMarks';
import { takeInitialFile } from './initialFile';

let initialOpen: Promise<void> | undefined;

/** Let the busy message paint before the synchronous ingest + evaluation. */
const nextFrame = () => new Promise<void>((r) => setTimeout(r, 16));

async function openWith(fetcher: () => Promise<Result<OpenedFile | undefined>>): Promise<void> {
  const { setBusy, setError, setEstate } = useApp.getState();
  setError(undefined);
  setBusy('Reading…');
  try {
    const r = await fetcher();
    if (!r.ok) return setError(r.error.message);
    if (!r.value) return; // dialog cancelled
    markStage('file-read');
    setBusy(`Evaluating ${r.value.name}…`);
    await nextFrame();
    const estate = loadEstate(r.value.content, r.value.name, r.value.path);
    markStage('evaluated');
    setEstate(estate);
  } catch (err) {
    setError(err instanceof Error ? err.message : String(err));
  } finally {
    setBusy(undefined);
  }
}

/** The open actions, stable across renders. */
export function useOpenActions() {
  const openSample = useCallback(() => openWith(() => getApi().invoke['sample:open']({})), []);
  const openDialog = useCallback(() => openWith(() => getApi().invoke['file:open']({})), []);
  const openPath = useCallback((path: string) => openWith(() => getApi().invoke['file:openPath']({ path })), []);
  const openUpload = useCallback((file: File) => openWith(async () => {
    const text = await file.text();
    try {
      return { ok: true, value: { name: file.name, content: JSON.parse(text) as unknown } };
    } catch (err) {
      return { ok: false, error: { code: 'badInput', message: `${file.name} is not valid JSON: ${(err as Error).message}` } };
    }
  }), []);
  // One open per page, shared by every caller (StrictMode runs effects twice); the file is usually
  // already on its way (main.tsx prefetches it); undefined = no initial file.
  const openInitialFile = useCallback(() => (initialOpen ??= takeInitialFile().then((read) => (read ? openWith(() => Promise.resolve(read)) : undefined))), []);
  return { openSample, openDialog, openPath, openUpload, openInitialFile };
}
