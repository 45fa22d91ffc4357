// Delivery bodies shaped the way SimplyPrint sends them (PHP's json_encode: `\/` in URLs and every
// non-ASCII character as \uXXXX), for the shapes documented in SimplyPrint's webhook notes.

/** JSON exactly as PHP's json_encode writes it by default. */
export function phpJson(value: unknown): string {
  return JSON.stringify(value)
    .replaceAll('/', '\\/')
    .replace(/[\u0080-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

const NOW = 1_764_000_000;

export const user = { id: 7, sso: false, first_name: 'Алексей', last_name: 'Иванов', avatar: 'https://cdn.simplyprint.io/avatars/7.png' };

export function printJob(overrides: Record<string, unknown> = {}) {
  return {
    id: 48213,
    uid: '0f7c2f0e-5b7a-4d4e-9f38-6a1f1c2d3e4f',
    panel_url: 'https://simplyprint.io/panel/1234/printers/56/jobs/48213',
    printer_id: 56,
    state: 'printing',
    file: 'Кронштейн_v2.gcode',
    percentage: 0,
    time_left: 5400,
    current_layer: 0,
    analysis: { estimate: 5400, totalLayers: 210 },
    started: NOW,
    ended: null,
    ai: null,
    autoprint: false,
    printer: { id: 56, name: 'Принтер №3', group: { id: 2, name: 'Цех Б' } },
    cost: null,
    duration: null,
    skippedObjects: [],
    ...overrides,
  };
}

export function envelope(event: string, data: Record<string, unknown>, timestamp = NOW) {
  return { webhook_id: 311, event, timestamp, data };
}

/** One realistic delivery for each documented shape, with what FarmHook must extract from it. */
export const SHAPES = [
  {
    name: 'job.started with user and started_by',
    body: envelope('job.started', { job: printJob(), user, started_by: user }),
    expect: { printerId: '56', printerName: 'Принтер №3', jobId: '48213', jobUid: '0f7c2f0e-5b7a-4d4e-9f38-6a1f1c2d3e4f', jobFile: 'Кронштейн_v2.gcode', jobState: 'printing', userName: 'Алексей Иванов', category: 'job' },
  },
  {
    name: 'job.failed where only printer_id is known',
    body: envelope('job.failed', { job: { ...printJob({ state: 'failed', ended: NOW + 600 }), printer: undefined } }),
    expect: { printerId: '56', printerName: null, jobId: '48213', jobState: 'failed', category: 'job' },
  },
  {
    name: 'queue.add_item with a queue item',
    body: envelope('queue.add_item', {
      queue_item: { id: 9001, filename: 'Шестерня.3mf', note: '', type: 'file', left: 2, printed: 0, group: 1, added: '2025-11-24T10:00:00+00:00', size: 123456, sort_order: 4, user: 'Мария Петрова', user_id: 8, custom_fields: [] },
      user: { id: 8, sso: false, first_name: 'Мария', last_name: 'Петрова', avatar: null },
    }),
    expect: { queueFile: 'Шестерня.3mf', userName: 'Мария Петрова', printerId: null, jobId: null, category: 'queue' },
  },
  {
    name: 'filament.assigned with printer short form',
    body: envelope('filament.assigned', {
      filament: { id: 77, uid: 'AB12', type: { id: 1, name: 'PLA' }, brand: 'Bestfilament', colorName: 'Белый', colorHex: '#ffffff', dia: 1.75, cost: 1200 },
      printer: { id: 56, name: 'Принтер №3' },
    }),
    expect: { printerId: '56', printerName: 'Принтер №3', jobId: null, category: 'filament' },
  },
  {
    name: 'maintenance.job_overdue carries a maintenance job, not a print job',
    body: envelope('maintenance.job_overdue', {
      job: { id: 5, printer_id: 57, printer_name: 'МК4 #4', title: 'Смазка осей', status: 'overdue', priority: 'high', scheduled_date: '2025-11-20T09:00:00+00:00' },
    }),
    expect: { printerId: '57', printerName: 'МК4 #4', jobId: null, jobFile: null, jobState: null, category: 'maintenance' },
  },
  {
    name: 'maintenance.problem_reported',
    body: envelope('maintenance.problem_reported', {
      problem: { id: 12, printer_id: 58, printer_name: 'Voron 2.4', problem_type: { id: 3, name: 'Clogged nozzle' }, reported_by: { id: 7, name: 'Alex' }, print_job_id: 48100, description: 'Under-extrusion', status: 'open' },
    }),
    expect: { printerId: '58', printerName: 'Voron 2.4', jobId: '48100', category: 'maintenance' },
  },
  {
    name: 'printer.ai_failure_detected',
    body: envelope('printer.ai_failure_detected', {
      job: printJob({ state: 'printing', percentage: 37 }),
      image: 'https://cdn.simplyprint.io/ai/48213/frame.jpg',
      failures: [{ confidence: 0.92, type: 'spaghetti' }],
    }),
    expect: { printerId: '56', jobId: '48213', category: 'printer' },
  },
  {
    name: 'test with an empty data object',
    body: envelope('test', {}),
    expect: { printerId: null, jobId: null, category: 'test' },
  },
  {
    name: 'legacy name from an old third-party sender with a string printer id',
    body: envelope('job.finished', { printer: { id: 'printer-12', name: 'Old Ender' } }),
    expect: { printerId: 'printer-12', printerName: 'Old Ender', category: 'job' },
  },
  {
    name: 'an event SimplyPrint may add later',
    body: envelope('printer.teleported', { printer: { id: 99, name: 'Future' } }),
    expect: { printerId: '99', category: 'other' },
  },
] as const;
