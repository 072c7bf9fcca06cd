import { type Tooth, universalTooth } from '../lib/claim/teeth';
import type { LineArea } from '../lib/catalog/schema';
import './Odontogram.css';

/** What a claim line for a code must carry: the fields of a code entry the chart draws. */
export interface LineNeeds {
  area: LineArea;
  teeth: { position?: 'anterior' | 'premolar' | 'molar' | 'posterior'; dentition?: 'primary' | 'permanent' };
  arch?: 'maxillary' | 'mandibular';
  surfaces?: { min: number; max: number };
}

const PERMANENT = Array.from({ length: 32 }, (_, i) => universalTooth(String(i + 1))!);
const PRIMARY = [...'ABCDEFGHIJKLMNOPQRST'].map((l) => universalTooth(l)!);
const QUADRANTS = ['UR', 'UL', 'LL', 'LR'] as const;

function toothAllowed(tooth: Tooth, teeth: LineNeeds['teeth']): boolean {
  if (teeth.dentition && tooth.dentition !== teeth.dentition) return false;
  if (!teeth.position) return true;
  if (teeth.position === 'posterior') return tooth.position !== 'anterior';
  return tooth.position === teeth.position;
}

/** The teeth the chart highlights and the quadrant or arch outlines it draws. */
export function chartMarks(needs: LineNeeds): {
  teeth: Set<string>;
  quadrants: boolean;
  arches: ('maxillary' | 'mandibular')[];
} {
  const all = [...PERMANENT, ...PRIMARY];
  const allowed = all.filter((t) => toothAllowed(t, needs.teeth));
  const ids = (ts: Tooth[]) => new Set(ts.map((t) => t.universal));
  switch (needs.area) {
    case 'TOOTH':
    case 'SURF':
    case 'TOOTHRANGE':
    case 'MOUTH':
      return { teeth: ids(allowed), quadrants: false, arches: [] };
    case 'QUAD':
      return { teeth: new Set(), quadrants: true, arches: [] };
    case 'ARCH':
      return { teeth: new Set(), quadrants: false, arches: ['maxillary', 'mandibular'] };
    case 'ARCH_IN_CODE':
      return {
        teeth: ids(allowed.filter((t) => t.arch === needs.arch)),
        quadrants: false,
        arches: needs.arch ? [needs.arch] : [],
      };
    default:
      return { teeth: new Set(), quadrants: false, arches: [] };
  }
}

const POSITION_WORDS = {
  anterior: 'front teeth',
  premolar: 'premolars',
  molar: 'molars',
  posterior: 'back teeth (premolars and molars)',
};

function whichTeeth(needs: LineNeeds): string {
  const { position, dentition } = needs.teeth;
  if (!position && !dentition) return 'any tooth';
  const kind = position ? POSITION_WORDS[position] : 'teeth';
  const words = `${dentition ?? ''} ${kind}`.trim();
  const list = [...PERMANENT, ...PRIMARY].filter((t) => toothAllowed(t, needs.teeth)).map((t) => t.universal);
  return `${words} (${list.join(', ')})`;
}

/** The text alternative of the chart: what the line needs, in words. */
export function describeLineNeeds(needs: LineNeeds): string {
  const s = needs.surfaces;
  const surfaces = s ? (s.min === s.max ? `${s.min}` : `${s.min}-${s.max}`) : '';
  switch (needs.area) {
    case 'NONE':
      return 'No tooth, quadrant or arch on the line.';
    case 'TOOTH':
      return `One tooth: ${whichTeeth(needs)}.`;
    case 'SURF':
      return `One tooth and ${surfaces} surface${surfaces === '1' ? '' : 's'}: ${whichTeeth(needs)}.`;
    case 'TOOTHRANGE':
      return `A range of teeth: ${whichTeeth(needs)}.`;
    case 'QUAD':
      return 'One quadrant: upper right (10), upper left (20), lower left (30) or lower right (40).';
    case 'ARCH':
      return 'One arch: upper (01) or lower (02).';
    case 'ARCH_IN_CODE':
      return `The ${needs.arch === 'mandibular' ? 'lower' : 'upper'} arch, named by the code itself; no area needed.`;
    case 'MOUTH':
      return 'The whole mouth; no tooth, quadrant or arch.';
  }
}

const CELL = 20;
const LEFT = 16;
const ROW_Y = [12, 38, 74, 100];
const TOOTH_H = 20;

function place(tooth: Tooth): { x: number; y: number } {
  const u = tooth.universal;
  if (tooth.dentition === 'permanent') {
    const n = Number(u);
    return n <= 16 ? { x: LEFT + (n - 1) * CELL, y: ROW_Y[0] } : { x: LEFT + (32 - n) * CELL, y: ROW_Y[3] };
  }
  const i = u.charCodeAt(0) - 65;
  return i < 10 ? { x: LEFT + (i + 3) * CELL, y: ROW_Y[1] } : { x: LEFT + (3 + 19 - i) * CELL, y: ROW_Y[2] };
}

const QUADRANT_BOX = {
  UR: { x: LEFT - 4, y: 6 },
  UL: { x: LEFT + 8 * CELL, y: 6 },
  LR: { x: LEFT - 4, y: 68 },
  LL: { x: LEFT + 8 * CELL, y: 68 },
} as const;
const BOX_W = 8 * CELL + 4;
const BOX_H = 58;

function ToothShape({ tooth, on }: { tooth: Tooth; on: boolean }) {
  const { x, y } = place(tooth);
  const narrow = tooth.position === 'anterior' ? 3 : 1;
  return (
    <g class={on ? 'tooth on' : 'tooth'} data-tooth={tooth.universal}>
      <rect
        x={x + narrow}
        y={y}
        width={CELL - 2 * narrow - 1}
        height={TOOTH_H}
        rx={tooth.position === 'molar' ? 3 : 6}
      />
      <text x={x + CELL / 2 - 0.5} y={y + 14}>
        {tooth.universal}
      </text>
    </g>
  );
}

export interface OdontogramProps {
  needs: LineNeeds;
  /** The code, for the chart's accessible name. */
  code: string;
}

/**
 * A small chart of 32 permanent and 20 primary teeth in Universal numbering, drawn as the dentist sees the
 * patient (patient's right on the left). It highlights the teeth a code allows and outlines the quadrant or arch
 * it needs; the caption says the same in words.
 */
export function Odontogram({ needs, code }: OdontogramProps) {
  const text = describeLineNeeds(needs);
  if (needs.area === 'NONE') return <p class="odontogram-none">{text}</p>;
  const marks = chartMarks(needs);
  const width = LEFT * 2 + 16 * CELL;
  return (
    <figure class="odontogram" data-area={needs.area}>
      <svg viewBox={`0 0 ${width} 128`} role="img" aria-label={`Tooth chart for ${code}: ${text}`}>
        {marks.quadrants &&
          QUADRANTS.map((q) => (
            <rect key={q} class="outline" data-quadrant={q} {...QUADRANT_BOX[q]} width={BOX_W} height={BOX_H} rx={6} />
          ))}
        {marks.arches.map((a) => (
          <rect
            key={a}
            class="outline"
            data-arch={a}
            x={LEFT - 4}
            y={a === 'maxillary' ? 6 : 68}
            width={16 * CELL + 6}
            height={BOX_H}
            rx={6}
          />
        ))}
        <line class="midline" x1={LEFT + 8 * CELL - 0.5} x2={LEFT + 8 * CELL - 0.5} y1={4} y2={124} />
        <text class="side" x={6} y={68}>
          R
        </text>
        <text class="side" x={width - 6} y={68}>
          L
        </text>
        {[...PERMANENT, ...PRIMARY].map((t) => (
          <ToothShape key={t.universal} tooth={t} on={marks.teeth.has(t.universal)} />
        ))}
      </svg>
      <figcaption>
        {text} <span class="hint">Patient's right (R) is on the left.</span>
      </figcaption>
    </figure>
  );
}
