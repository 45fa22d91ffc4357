// The URL warnings for this FarmHook: its webhook paths, and the dashboard's port when the page
// was served by the control server (in Electron there is no such port to confuse).
import { useMemo } from 'react';
import { WEBHOOK_PATH } from '../../../../src/shared/webhook-url.js';
import { webhookUrlWarnings, type UrlWarning } from './urlWarnings.js';

const PATHS = [WEBHOOK_PATH, '/api/v1/simpleprint/webhook'];

function controlPort(): number | undefined {
  const { protocol, port } = window.location;
  return (protocol === 'http:' || protocol === 'https:') && port ? Number(port) : undefined;
}

export function useUrlWarnings(url: string, lanOnly: boolean): UrlWarning[] {
  return useMemo(() => webhookUrlWarnings(url, { webhookPaths: PATHS, controlPort: controlPort(), lanOnly }), [url, lanOnly]);
}
