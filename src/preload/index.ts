/** Sandboxed preload: exposes the typed contract as `window.vnetlens`, nothing else. */
import { contextBridge, ipcRenderer } from 'electron';
import { API_GLOBAL } from '../shared/ipc/api';
import { buildApi } from './buildApi';

contextBridge.exposeInMainWorld(API_GLOBAL, buildApi(ipcRenderer));
