// The two IPC channels of the bridge. preload.cts repeats them (a sandboxed preload cannot import
// this module); a test checks the two agree.
export const INVOKE_CHANNEL = 'farmhook:invoke';
export const PUSH_CHANNEL = 'farmhook:push';
