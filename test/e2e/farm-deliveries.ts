// A small, known farm day in SimplyPrint's delivery shapes: six printers' job lifecycles, queue
// and filament events. The end-to-end test posts these and checks the dashboard's figures against
// `FARM_TRUTH`, which is what the list below adds up to.

export interface Delivery {
  event: string;
  timestamp: number;
  data: Record<string, unknown>;
}

const user = { id: 7, sso: false, first_name: 'Alex', last_name: 'Johnson', avatar: 'https://cdn.simplyprint.io/u/7.png' };

interface PrinterRef {
  id: number;
  name: string;
}

export const PRINTERS: PrinterRef[] = [
  { id: 101, name: 'Prusa MK4 #1' },
  { id: 102, name: 'Prusa MK4 #2' },
  { id: 103, name: 'Bambu X1C' },
  { id: 104, name: 'Voron 2.4 «Мастер»' },
  { id: 105, name: 'Ender 3 S1' },
  { id: 106, name: 'Prusa XL' },
];

function job(id: number, printer: PrinterRef, file: string, started: number, state: string, at: number) {
  return {
    id,
    uid: `00000000-0000-4000-8000-${String(id).padStart(12, '0')}`,
    panel_url: `https://simplyprint.io/panel/1/jobs/${id}`,
    printer_id: printer.id,
    state,
    file,
    percentage: state === 'done' ? 100 : 40,
    started,
    ended: state === 'printing' || state === 'paused' ? null : at,
    printer: { id: printer.id, name: printer.name, group: { id: 1, name: 'Hall A' } },
  };
}

/** Deliveries of one job: `steps` are [event, hours after `start`]. */
function lifecycle(id: number, printer: PrinterRef, file: string, startHoursAgo: number, steps: Array<[string, number]>, now: number): Delivery[] {
  const started = Math.round(now - startHoursAgo * 3600);
  const stateOf: Record<string, string> = { 'job.started': 'printing', 'job.paused': 'paused', 'job.resumed': 'printing', 'job.done': 'done', 'job.failed': 'failed', 'job.cancelled': 'cancelled' };
  return [['job.started', 0] as [string, number], ...steps].map(([event, after]) => {
    const at = Math.round(started + after * 3600);
    return {
      event,
      timestamp: at,
      data: { job: job(id, printer, file, started, stateOf[event] ?? 'printing', at), ...(event === 'job.started' || event === 'job.cancelled' ? { user } : {}) },
    };
  });
}

export function farmDay(now = Math.floor(Date.now() / 1000)): Delivery[] {
  const [p1, p2, p3, p4, p5, p6] = PRINTERS as [PrinterRef, PrinterRef, PrinterRef, PrinterRef, PrinterRef, PrinterRef];
  const deliveries: Delivery[] = [
    ...lifecycle(5001, p1, 'bracket_v3.gcode', 10, [['job.done', 2]], now),
    ...lifecycle(5002, p2, 'gear_housing.gcode', 6, [['job.failed', 1]], now),
    ...lifecycle(5003, p3, 'benchy.gcode', 4, [['job.paused', 0.5], ['job.resumed', 1], ['job.done', 2]], now),
    ...lifecycle(5004, p4, 'корпус_датчика.gcode', 3, [['job.cancelled', 0.5]], now),
    ...lifecycle(5006, p6, 'vase_spiral.gcode', 12, [['job.done', 3]], now),
    { event: 'queue.add_item', timestamp: now - 2 * 3600, data: { queue_item: { id: 91, filename: 'clip_x20.gcode', user: 'Maria Ivanova', added: new Date().toISOString() }, user } },
    { event: 'queue.add_item', timestamp: now - 1.5 * 3600, data: { queue_item: { id: 92, filename: 'hinge.gcode', user: 'Maria Ivanova' }, user } },
    { event: 'queue.item_approved', timestamp: now - 1.4 * 3600, data: { queue_item: { id: 92, filename: 'hinge.gcode' }, approved_by: user } },
    { event: 'filament.assigned', timestamp: now - 1.2 * 3600, data: { printer: { id: p1.id, name: p1.name }, filament: { id: 3, colorName: 'Galaxy Black', type: { id: 1, name: 'PLA' } }, user } },
    ...lifecycle(5007, p1, 'bracket_v3.gcode', 1, [], now),
    ...lifecycle(5005, p5, 'cable_chain.gcode', 0.5, [], now),
  ];
  return deliveries.map((d) => ({ ...d, timestamp: Math.round(d.timestamp) }));
}

/** What `farmDay` adds up to over the last 24 hours. */
export const FARM_TRUTH = {
  deliveries: 18,
  started: 7,
  finished: 3,
  failed: 1,
  cancelled: 1,
  printingNow: 2,
  queueAdded: 2,
  queueApproved: 1,
  printers: 6,
};
