// SimplyPrint's backend is PHP: json_encode escapes "/" as "\/" and every non-ASCII character as
// \uXXXX (UTF-16 units). Simulated bodies are encoded the same way, so receivers meet the real bytes.
export function phpJsonEncode(value: unknown): string {
  return JSON.stringify(value)
    .replace(/\//g, '\\/')
    .replace(/[\u007f-\uffff]/g, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
