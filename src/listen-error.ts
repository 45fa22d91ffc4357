// Turns a failed listen() into a message that names the port and says what to do about it.
export class ListenFailure extends Error {
  constructor(
    message: string,
    readonly role: 'receiver' | 'control',
    readonly port: number,
    readonly code: string,
  ) {
    super(message);
    this.name = 'ListenFailure';
  }
}

const FLAG = { receiver: '--port', control: '--control-port' } as const;
const WHAT = { receiver: 'the webhook receiver', control: 'the dashboard / control API' } as const;

/** Is a FarmHook already answering on that port? Then the advice is different. */
async function farmhookAnswers(port: number): Promise<boolean> {
  try {
    const response = await fetch(`http://127.0.0.1:${port}/healthz`, { signal: AbortSignal.timeout(1000) });
    return response.ok && ((await response.json()) as { status?: string }).status === 'ok';
  } catch {
    return false;
  }
}

export async function listenError(error: unknown, role: ListenFailure['role'], host: string, port: number): Promise<ListenFailure> {
  const code = (error as NodeJS.ErrnoException).code ?? 'UNKNOWN';
  if (code === 'EADDRINUSE') {
    const advice =
      role === 'receiver' && (await farmhookAnswers(port))
        ? 'Another FarmHook is already running on it: use that one, or stop it first.'
        : `Stop the program using it, or start FarmHook with ${FLAG[role]} <another port>${role === 'receiver' ? ' and update the webhook URL in SimplyPrint' : ''}.`;
    return new ListenFailure(`Port ${port} is already in use, so ${WHAT[role]} cannot start. ${advice}`, role, port, code);
  }
  if (code === 'EACCES') {
    return new ListenFailure(`Not allowed to listen on port ${port} (${WHAT[role]}). Ports below 1024 need administrator rights: use ${FLAG[role]} with a port above 1024.`, role, port, code);
  }
  if (code === 'EADDRNOTAVAIL') {
    return new ListenFailure(`This PC has no address ${host}, so ${WHAT[role]} cannot listen on it. Use --host 0.0.0.0 (all addresses) or one of this PC's addresses.`, role, port, code);
  }
  return new ListenFailure(`${WHAT[role]} cannot listen on ${host}:${port}: ${(error as Error).message}`, role, port, code);
}
