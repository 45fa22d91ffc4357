// Printers are listed by name as people read them: "#2" before "#10", Cyrillic and Latin alike.
const collator = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' });

export function byPrinterName(
  a: { printerId: string; printerName: string | null },
  b: { printerId: string; printerName: string | null },
): number {
  return collator.compare(a.printerName ?? a.printerId, b.printerName ?? b.printerId) || collator.compare(a.printerId, b.printerId);
}
