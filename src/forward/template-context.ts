// The variables a message template can use ({{printer.name}}, {{job.file}}, {{event.label}}, ...),
// computed from a stored event. `{{data.a.b}}` reaches into SimplyPrint's original `data`.
import type { ForwardLanguage } from '../shared/forward.js';
import { describeEvent } from '../shared/events.js';
import type { StoredEvent } from '../store/hooks.js';

type Json = Record<string, unknown>;
const obj = (v: unknown): Json | undefined => (v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Json) : undefined);

function text(value: unknown): string | null {
  if (typeof value === 'string') return value.length > 0 ? value : null;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  return null;
}

const UNITS = {
  en: { h: 'h', m: 'min', s: 's' },
  ru: { h: 'ч', m: 'мин', s: 'с' },
} as const;

export function formatDuration(seconds: unknown, language: ForwardLanguage): string | null {
  const total = typeof seconds === 'number' ? seconds : typeof seconds === 'string' ? Number(seconds) : NaN;
  if (!Number.isFinite(total) || total < 0) return null;
  const u = UNITS[language];
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  if (h > 0) return `${h} ${u.h} ${m} ${u.m}`;
  if (m > 0) return `${m} ${u.m}`;
  return `${Math.round(total)} ${u.s}`;
}

function filamentName(filament: Json | undefined): string | null {
  if (!filament) return null;
  const parts = [text(filament.brand), text(obj(filament.type)?.name), text(filament.colorName)].filter((p) => p !== null);
  return parts.length > 0 ? parts.join(' ') : text(filament.uid) ?? text(filament.id);
}

export type TemplateLookup = (path: string) => string | null;

export function templateContext(event: StoredEvent, language: ForwardLanguage): TemplateLookup {
  const data = obj(event.payload.data) ?? {};
  const description = describeEvent(event.event);
  const job = obj(data.job);
  const printJob = event.category === 'maintenance' ? undefined : job;
  const maintenanceJob = event.category === 'maintenance' ? job : undefined;
  const problem = obj(data.problem);
  const queueItem = obj(data.queue_item);
  const failures = Array.isArray(data.failures) ? data.failures : [];
  const time = new Date(event.receivedAt).toLocaleString(language === 'ru' ? 'ru-RU' : 'en-GB', {
    dateStyle: 'short',
    timeStyle: 'short',
  });

  const vars: Record<string, string | null> = {
    'event.name': event.event,
    'event.label': description.label[language],
    'event.category': event.category,
    'event.id': event.id > 0 ? String(event.id) : null,
    'event.time': time,
    'printer.id': event.printerId,
    'printer.name': event.printerName ?? event.printerId,
    'job.id': event.jobId,
    'job.uid': event.jobUid,
    'job.file': event.jobFile,
    'job.state': event.jobState,
    'job.percentage': text(printJob?.percentage),
    'job.timeLeft': formatDuration(printJob?.time_left, language),
    'job.duration': formatDuration(printJob?.duration, language),
    'job.url': text(printJob?.panel_url),
    'user.name': event.userName,
    'queue.file': event.queueFile,
    'queue.reason': text(data.reason),
    'filament.name': filamentName(obj(data.filament)),
    'maintenance.title': text(maintenanceJob?.title) ?? text(obj(problem?.problem_type)?.name),
    'maintenance.due': text(data.scheduled_date) ?? text(maintenanceJob?.scheduled_date),
    'problem.description': text(problem?.description),
    'ai.failures':
      failures
        .map((f) => {
          const failure = obj(f);
          const type = text(failure?.type);
          const confidence = typeof failure?.confidence === 'number' ? ` ${Math.round(failure.confidence * 100)}%` : '';
          return type ? `${type}${confidence}` : null;
        })
        .filter((f) => f !== null)
        .join(', ') || null,
    'ai.image': text(data.image),
  };

  return (path) => {
    if (Object.hasOwn(vars, path)) return vars[path] ?? null;
    if (path === 'data') return null;
    if (path.startsWith('data.')) {
      let cursor: unknown = data;
      for (const key of path.slice('data.'.length).split('.')) cursor = obj(cursor)?.[key];
      return text(cursor);
    }
    return null;
  };
}
