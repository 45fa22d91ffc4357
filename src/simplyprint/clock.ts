// How far this PC's clock is from SimplyPrint's, from one API answer. The `Date` header is
// truncated to whole seconds and was stamped somewhere between sending and receiving, so the
// estimate compares it with the middle of the round trip and is only good to about ±1 s plus half
// the round trip: a health check should warn only well beyond that (say 30 s).
import type { ServerTime } from './types.js';

/** Positive: this PC is ahead of SimplyPrint by that many milliseconds. */
export function clockSkewMs(t: ServerTime): number {
  const localMid = (t.sentAt.getTime() + t.receivedAt.getTime()) / 2;
  // +500 ms: the header's whole second covers [date, date + 1 s).
  return Math.round(localMid - (t.date.getTime() + 500));
}
