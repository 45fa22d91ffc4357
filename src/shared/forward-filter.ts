// Which events a destination wants. Patterns are event names with `*` wildcards (`job.*`, `*`);
// a leading `!` excludes (`!job.paused`). An event passes when it matches some including pattern
// (or there are none) and no excluding one, so ["job.*", "!job.paused"] reads as it is written.
// The printer filter uses the same wildcards against the printer's id or name. Shared so the
// dashboard's filter editor previews exactly what the outbox will select.

function globToRegExp(glob: string): RegExp {
  const escaped = glob.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*');
  return new RegExp(`^${escaped}$`, 'i');
}

export interface CompiledFilter {
  matches(values: readonly (string | null)[]): boolean;
}

export function compileFilter(patterns: readonly string[]): CompiledFilter {
  const include: RegExp[] = [];
  const exclude: RegExp[] = [];
  for (const raw of patterns) {
    const pattern = raw.trim();
    if (pattern === '') continue;
    if (pattern.startsWith('!')) exclude.push(globToRegExp(pattern.slice(1).trim()));
    else include.push(globToRegExp(pattern));
  }
  const test = (res: RegExp[], values: readonly (string | null)[]) =>
    res.some((re) => values.some((value) => value !== null && re.test(value)));
  return {
    matches(values) {
      if (exclude.length > 0 && test(exclude, values)) return false;
      return include.length === 0 || test(include, values);
    },
  };
}

export interface DestinationFilter {
  events: readonly string[];
  printers: readonly string[];
}

export interface FilterSubject {
  event: string;
  printerId: string | null;
  printerName: string | null;
}

export function compileDestinationFilter(filter: DestinationFilter): (subject: FilterSubject) => boolean {
  const events = compileFilter(filter.events);
  const printers = compileFilter(filter.printers);
  const anyPrinter = filter.printers.every((p) => p.trim() === '');
  return (subject) =>
    events.matches([subject.event]) && (anyPrinter || printers.matches([subject.printerId, subject.printerName]));
}
