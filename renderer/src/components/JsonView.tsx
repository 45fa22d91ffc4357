// Pretty JSON with colour for keys, strings, numbers and literals. The payload is untrusted: it is
// only ever placed as text in spans, never parsed as HTML.
import { useMemo } from 'react';

const TOKEN = /("(?:[^"\\]|\\.)*")(\s*:)?|\b(true|false|null)\b|(-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?)/g;

export interface JsonToken {
  text: string;
  kind: 'key' | 'string' | 'literal' | 'number' | 'plain';
}

export function tokenizeJson(text: string): JsonToken[] {
  const tokens: JsonToken[] = [];
  let last = 0;
  for (const match of text.matchAll(TOKEN)) {
    const index = match.index ?? 0;
    if (index > last) tokens.push({ text: text.slice(last, index), kind: 'plain' });
    if (match[1] !== undefined) {
      tokens.push({ text: match[1], kind: match[2] ? 'key' : 'string' });
      if (match[2]) tokens.push({ text: match[2], kind: 'plain' });
    } else if (match[3] !== undefined) {
      tokens.push({ text: match[3], kind: 'literal' });
    } else {
      tokens.push({ text: match[0], kind: 'number' });
    }
    last = index + match[0].length;
  }
  if (last < text.length) tokens.push({ text: text.slice(last), kind: 'plain' });
  return tokens;
}

export function JsonView({ value, label }: { value: unknown; label: string }) {
  const tokens = useMemo(() => tokenizeJson(JSON.stringify(value, null, 2) ?? 'undefined'), [value]);
  return (
    <pre className="code json" tabIndex={0} aria-label={label}>
      {tokens.map((token, i) => (token.kind === 'plain' ? token.text : <span key={i} className={`j-${token.kind}`}>{token.text}</span>))}
    </pre>
  );
}
