// The simulated farm: printers (some with Cyrillic names, as on Russian-speaking farms), operators,
// files, spools. Everything is derived from the seed.
import type { Random } from './random.js';

export interface SimPrinter {
  id: number;
  name: string;
  group: { id: number; name: string };
  /** Chance that a print fails on this printer: most are reliable, a few are not. */
  failRate: number;
  model: string;
}

export interface SimUser {
  id: number;
  sso: boolean;
  first_name: string;
  last_name: string;
  avatar: string | null;
}

const MODELS = ['Prusa MK4', 'Bambu Lab X1C', 'Bambu Lab P1S', 'Voron 2.4', 'Creality K1', 'Prusa XL', 'Ender-3 S1'];
const CYRILLIC_NAMES = ['Принтер №{n}', 'Ворон {n} — цех 2', 'Прюша {n}', 'Эндер {n} (склад)', 'Бамбук-{n}'];
const GROUPS = [
  { id: 11, name: 'Production' },
  { id: 12, name: 'Цех 2' },
  { id: 13, name: 'Prototyping' },
];

export const USERS: readonly SimUser[] = [
  { id: 7, sso: false, first_name: 'Alex', last_name: 'Johnson', avatar: 'https://cdn.simplyprint.io/avatars/7.png' },
  { id: 12, sso: false, first_name: 'Алексей', last_name: 'Смирнов', avatar: null },
  { id: 19, sso: true, first_name: 'Мария', last_name: 'Иванова', avatar: 'https://cdn.simplyprint.io/avatars/19.png' },
  { id: 23, sso: false, first_name: 'Sam', last_name: 'Lee', avatar: null },
];

export const FILES = [
  'bracket_v2.gcode',
  'enclosure_lid.3mf',
  'gear_set_x12.gcode',
  'корпус_датчика_v3.gcode',
  'крышка_верхняя.3mf',
  'cable_clips_50pcs.gcode',
  'drone_frame_PETG.gcode',
  'держатель_телефона.gcode',
  'calibration_cube.gcode',
  'lamp_shade_vase.3mf',
];

export const FILAMENTS = [
  { id: 1, name: 'PLA', brand: 'Prusament', colorName: 'Galaxy Black', colorHex: '#1b1b1f' },
  { id: 2, name: 'PETG', brand: 'Bambu Lab', colorName: 'Jade White', colorHex: '#f1f1ef' },
  { id: 3, name: 'PLA', brand: 'Filamentarno', colorName: 'Красный', colorHex: '#c8102e' },
  { id: 4, name: 'ABS', brand: 'eSun', colorName: 'Fire Engine Red', colorHex: '#b22222' },
];

export function makePrinters(count: number, random: Random): SimPrinter[] {
  const printers: SimPrinter[] = [];
  for (let i = 0; i < count; i++) {
    const n = i + 1;
    const model = random.pick(MODELS);
    // Every third printer has a Cyrillic name.
    const name =
      i % 3 === 1
        ? random.pick(CYRILLIC_NAMES).replace('{n}', String(n))
        : `${model} #${String(n).padStart(2, '0')}`;
    // A fifth of the farm is flaky (8–20 % failures); the rest fail 1–5 % of prints.
    const failRate = random.chance(0.2) ? random.between(0.08, 0.2) : random.between(0.01, 0.05);
    printers.push({ id: 4800 + n * 7, name, group: GROUPS[i % GROUPS.length]!, failRate, model });
  }
  return printers;
}
