// Draws FarmHook's icons as PNG with nothing but Node (zlib): the tray states for light and dark
// taskbars (16 px and @2x) and the application icon electron-builder turns into .ico/.icns.
// Run: node --import tsx scripts/generate-icons.ts  (the outputs in build/ are committed).
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { deflateSync } from 'node:zlib';

type Rgba = [number, number, number, number];
/** Coverage of a shape at a point of the unit square (0..1 coordinates, y down). */
type Shape = (x: number, y: number) => boolean;
interface Layer {
  shape: Shape;
  color: Rgba;
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(bytes: Buffer): number {
  let c = 0xffffffff;
  for (const byte of bytes) c = CRC_TABLE[(c ^ byte) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

export function encodePng(size: number, pixels: Uint8Array): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 6, 0, 0, 0], 8); // 8-bit RGBA, no interlace
  const rows = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) {
    rows[y * (size * 4 + 1)] = 0; // filter: none
    rows.set(pixels.subarray(y * size * 4, (y + 1) * size * 4), y * (size * 4 + 1) + 1);
  }
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', header), chunk('IDAT', deflateSync(rows)), chunk('IEND', Buffer.alloc(0))]);
}

/** Layers painted in order, 4×4 supersampled so small sizes stay smooth. */
function render(size: number, layers: readonly Layer[]): Uint8Array {
  const pixels = new Uint8Array(size * size * 4);
  const samples = 4;
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let [r, g, b, a] = [0, 0, 0, 0];
      for (let sy = 0; sy < samples; sy++) {
        for (let sx = 0; sx < samples; sx++) {
          const x = (px + (sx + 0.5) / samples) / size;
          const y = (py + (sy + 0.5) / samples) / size;
          let color: Rgba = [0, 0, 0, 0];
          for (const layer of layers) if (layer.shape(x, y)) color = layer.color;
          r += color[0] * color[3];
          g += color[1] * color[3];
          b += color[2] * color[3];
          a += color[3];
        }
      }
      const i = (py * size + px) * 4;
      pixels[i] = a ? Math.round(r / a) : 0;
      pixels[i + 1] = a ? Math.round(g / a) : 0;
      pixels[i + 2] = a ? Math.round(b / a) : 0;
      pixels[i + 3] = Math.round(a / (samples * samples));
    }
  }
  return pixels;
}

const disc = (cx: number, cy: number, r: number): Shape => (x, y) => (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
const rect = (x0: number, y0: number, x1: number, y1: number): Shape => (x, y) => x >= x0 && x <= x1 && y >= y0 && y <= y1;
/** A hook: a "J" of a vertical bar and the lower half of a ring. */
const hook: Shape = (x, y) => {
  const bar = rect(0.56, 0.2, 0.66, 0.6)(x, y);
  const d = Math.hypot(x - 0.46, y - 0.6);
  const ring = d <= 0.2 && d >= 0.1 && y >= 0.6;
  const tip = rect(0.26, 0.5, 0.36, 0.6)(x, y);
  return bar || ring || tip;
};

const STATE_COLORS: Record<string, Rgba> = {
  ok: [46, 160, 67, 255],
  attention: [219, 150, 0, 255],
  problem: [207, 34, 46, 255],
  paused: [128, 128, 128, 255],
};
const THEME_OUTLINE: Record<string, Rgba> = { light: [32, 32, 32, 255], dark: [240, 240, 240, 255] };
const WHITE: Rgba = [255, 255, 255, 255];

function trayLayers(state: string, theme: string): Layer[] {
  const layers: Layer[] = [
    { shape: disc(0.5, 0.5, 0.48), color: THEME_OUTLINE[theme]! },
    { shape: disc(0.5, 0.5, 0.4), color: STATE_COLORS[state]! },
  ];
  if (state === 'paused') {
    layers.push({ shape: rect(0.33, 0.28, 0.44, 0.72), color: WHITE }, { shape: rect(0.56, 0.28, 0.67, 0.72), color: WHITE });
  } else {
    layers.push({ shape: hook, color: WHITE });
  }
  return layers;
}

function appIconLayers(): Layer[] {
  const rounded: Shape = (x, y) => {
    const r = 0.2;
    const cx = Math.min(Math.max(x, 0.04 + r), 0.96 - r);
    const cy = Math.min(Math.max(y, 0.04 + r), 0.96 - r);
    return (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
  };
  return [
    { shape: rounded, color: STATE_COLORS.ok! },
    { shape: hook, color: WHITE },
  ];
}

export function generateIcons(buildDir: string): string[] {
  const trayDir = join(buildDir, 'tray');
  mkdirSync(trayDir, { recursive: true });
  const written: string[] = [];
  const write = (file: string, size: number, layers: Layer[]) => {
    writeFileSync(file, encodePng(size, render(size, layers)));
    written.push(file);
  };
  for (const state of Object.keys(STATE_COLORS)) {
    for (const theme of Object.keys(THEME_OUTLINE)) {
      // Electron picks name@2x.png by itself on high-density screens.
      write(join(trayDir, `tray-${state}-${theme}.png`), 16, trayLayers(state, theme));
      write(join(trayDir, `tray-${state}-${theme}@2x.png`), 32, trayLayers(state, theme));
    }
  }
  write(join(trayDir, 'icon-64.png'), 64, appIconLayers());
  write(join(buildDir, 'icon.png'), 512, appIconLayers());
  return written;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const files = generateIcons(join(import.meta.dirname ?? new URL('.', import.meta.url).pathname, '..', 'build'));
  console.log(`Wrote ${files.length} icons.`);
}
