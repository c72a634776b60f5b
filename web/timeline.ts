// The timeline: one canvas with the density of events above a time axis and one lane per event
// type, plus a lane for undated events. Canvas rather than SVG because 10,000 marks redraw in a
// few milliseconds on every wheel step; the accessible list (event-list.ts) carries the same
// events for keyboards and screen readers.
import { PLOVER_TYPES } from '../src/extract/types.ts';
import type { QuadClass } from '../src/codes/plover.ts';
import type { EventSummary as TimelineEvent } from './api.ts';
import { dayOfYear, isoOf, monthName, partsOf } from './dates.ts';
import { h } from './dom.ts';
import { typeMeaning } from './glossary.ts';
import { QUAD_COLOR, QUADS } from './quads.ts';

/** Callbacks of the timeline. */
export interface TimelineOptions {
  onSelect(id: string): void;
  /** The visible window changed by zoom or pan (day numbers). */
  onView(first: number, last: number): void;
}

interface Placed {
  ev: TimelineEvent;
  first: number;
  last: number;
  lane: number;
  jitter: number;
  /** Quad class index and calendar month (year × 12 + month) of `first`, for the density bins. */
  quad: number;
  month: number;
}

const MIN_SPAN = 14; // two weeks: day ticks stay legible
const MAX_SPAN = 366 * 400;
const DENSITY_H = 64;
const AXIS_H = 24;
const LANE_H = 24;
const UNDATED_H = 30;
const PAD_TOP = 8;

// Labels: the face (as .timeline-label in style.css), height, least and most width in px, the
// gap to marks, and the most marks a lane may have in view to be labelled at all.
const LABEL_FONT = '11px system-ui, -apple-system, "Segoe UI", Roboto, sans-serif';
const LABEL_H = 14;
const LABEL_MIN = 64;
const LABEL_MAX = 220;
const LABEL_GAP = 5;
const LABEL_LANE_MAX = 400;

/** What a label says: the event's sentence without the date it starts with (the axis says it). */
export function labelText(
  ev: Pick<TimelineEvent, 'text' | 'source' | 'target' | 'actors'>,
): string {
  const text = ev.text.replace(
    /^(?:on|in|by|since|from|during|until|after|before|as of)\s[^,]{1,40},\s*/i,
    '',
  );
  if (text && text !== ev.text) return text.charAt(0).toUpperCase() + text.slice(1);
  if (text) return text;
  const who = [ev.source?.name, ev.target?.name].filter(Boolean);
  return who.length ? who.join(' → ') : ev.actors.join(', ');
}

function hash(s: string): number {
  let x = 2166136261;
  for (let i = 0; i < s.length; i++) x = Math.imul(x ^ s.charCodeAt(i), 16777619);
  return x >>> 0;
}

type Unit = 'year' | 'month' | 'day';

interface TickStep {
  unit: Unit;
  step: number;
  approxDays: number;
}

const TICK_STEPS: TickStep[] = [
  { unit: 'day', step: 1, approxDays: 1 },
  { unit: 'day', step: 2, approxDays: 2 },
  { unit: 'day', step: 7, approxDays: 7 },
  { unit: 'day', step: 14, approxDays: 14 },
  { unit: 'month', step: 1, approxDays: 30.4 },
  { unit: 'month', step: 3, approxDays: 91 },
  { unit: 'month', step: 6, approxDays: 182 },
  { unit: 'year', step: 1, approxDays: 365.25 },
  { unit: 'year', step: 2, approxDays: 730 },
  { unit: 'year', step: 5, approxDays: 1826 },
  { unit: 'year', step: 10, approxDays: 3652 },
  { unit: 'year', step: 20, approxDays: 7305 },
  { unit: 'year', step: 50, approxDays: 18262 },
  { unit: 'year', step: 100, approxDays: 36525 },
];

/** Tick positions (day numbers) and labels for a window at a given pixel width. */
export function ticks(
  first: number,
  last: number,
  width: number,
  minPx = 72,
): { day: number; label: string }[] {
  const perPx = (last - first) / Math.max(width, 1);
  const step =
    TICK_STEPS.find((s) => s.approxDays / perPx >= minPx) ?? TICK_STEPS[TICK_STEPS.length - 1]!;
  const out: { day: number; label: string }[] = [];
  const p = partsOf(first);
  if (step.unit === 'year') {
    for (let y = Math.ceil(p.year / step.step) * step.step; ; y += step.step) {
      const d = dayOfYear(y);
      if (d > last) break;
      if (d >= first) out.push({ day: d, label: String(y) });
    }
  } else if (step.unit === 'month') {
    let y = p.year;
    let m = Math.ceil(p.month / step.step) * step.step;
    for (;;) {
      if (m >= 12) {
        y += Math.floor(m / 12);
        m %= 12;
      }
      const d = dayOfYear(y, m);
      if (d > last) break;
      if (d >= first)
        out.push({ day: d, label: m === 0 ? String(y) : `${monthName(m, true)} ${y}` });
      m += step.step;
    }
  } else {
    for (let d = Math.ceil(first / step.step) * step.step; d <= last; d += step.step) {
      const q = partsOf(d);
      out.push({
        day: d,
        label: `${q.day} ${monthName(q.month, true)}${q.month === 0 && q.day <= step.step ? ` ${q.year}` : ''}`,
      });
    }
  }
  return out;
}

/** The density bin size for a window: years when zoomed out, then months, then days. */
export function binUnit(span: number): Unit {
  return span > 366 * 8 ? 'year' : span > 200 ? 'month' : 'day';
}

/** The canvas timeline. */
export class Timeline {
  readonly el: HTMLElement;
  private readonly canvas = h('canvas', { attrs: { 'aria-hidden': 'true' } });
  private readonly tip = h('div', {
    class: 'timeline-tip',
    attrs: { role: 'presentation', hidden: true },
  });
  private readonly summary = h('p', { class: 'visually-hidden', attrs: { 'aria-live': 'polite' } });
  // Labels are elements over the canvas, not canvas text: they are laid out once per frame, and
  // the list below says the same to assistive technology.
  private readonly labelLayer = h('div', {
    class: 'timeline-labels',
    attrs: { 'aria-hidden': 'true' },
  });
  private readonly labelPool: HTMLElement[] = [];
  private readonly labelWidth = new Map<string, number>();
  private placed: Placed[] = [];
  private undated: TimelineEvent[] = [];
  private lanes: string[] = [];
  private first = 0;
  private last = 1;
  private dataFirst = 0;
  private dataLast = 1;
  private selected = '';
  private width = 800;
  private gutter = 112;
  private raf = 0;
  // Screen positions of the last frame, for hit tests (parallel arrays: cheap at 10,000).
  private hitX = new Float32Array(0);
  private hitY = new Float32Array(0);
  private hitEv: TimelineEvent[] = [];
  private drag: { x: number; first: number; last: number; moved: boolean } | null = null;

  constructor(private readonly opts: TimelineOptions) {
    const label =
      'Timeline. Plus and minus zoom, left and right arrows pan, 0 shows every event, up and down arrows step through the events. The event list has the same events.';
    const zoomIn = h(
      'button',
      { attrs: { type: 'button', 'aria-label': 'Zoom in', title: 'Zoom in (+)' } },
      '+',
    );
    const zoomOut = h(
      'button',
      { attrs: { type: 'button', 'aria-label': 'Zoom out', title: 'Zoom out (−)' } },
      '−',
    );
    const fit = h('button', { attrs: { type: 'button', title: 'Show every event (0)' } }, 'Fit');
    zoomIn.addEventListener('click', () => this.zoom(0.5));
    zoomOut.addEventListener('click', () => this.zoom(2));
    fit.addEventListener('click', () => this.fit());
    const stage = h(
      'div',
      { class: 'timeline-stage', attrs: { tabindex: 0, role: 'group', 'aria-label': label } },
      this.canvas,
      this.labelLayer,
      this.tip,
    );
    this.el = h(
      'div',
      { class: 'timeline' },
      h(
        'div',
        { class: 'timeline-tools', attrs: { role: 'toolbar', 'aria-label': 'Zoom' } },
        zoomOut,
        zoomIn,
        fit,
      ),
      stage,
      this.summary,
    );

    stage.addEventListener('keydown', (e) => this.onKey(e));
    this.canvas.addEventListener('wheel', (e) => this.onWheel(e), { passive: false });
    this.canvas.addEventListener('pointerdown', (e) => {
      this.drag = { x: e.clientX, first: this.first, last: this.last, moved: false };
      this.canvas.setPointerCapture(e.pointerId);
    });
    this.canvas.addEventListener('pointermove', (e) => this.onPointerMove(e));
    this.canvas.addEventListener('pointerup', (e) => {
      const d = this.drag;
      this.drag = null;
      if (d && !d.moved) this.onClick(e);
      else if (d) this.opts.onView(this.first, this.last);
    });
    this.canvas.addEventListener('pointerleave', () => (this.tip.hidden = true));
    new ResizeObserver(() => this.resize()).observe(stage);
  }

  /** Shows `events` (already filtered). Keeps the window when `keepView`, else fits them. */
  setEvents(events: readonly TimelineEvent[], view?: { first: number; last: number }): void {
    const present = new Set(events.map((e) => e.type));
    this.lanes = PLOVER_TYPES.filter((t) => present.has(t));
    const laneOf = new Map(this.lanes.map((t, i) => [t as string, i]));
    this.placed = [];
    this.undated = [];
    let lo = Infinity;
    let hi = -Infinity;
    for (const ev of events) {
      const first = ev.first;
      if (first === null) {
        this.undated.push(ev);
        continue;
      }
      const last = Math.max(first, ev.last ?? first);
      lo = Math.min(lo, first);
      hi = Math.max(hi, last);
      const cal = partsOf(first);
      this.placed.push({
        ev,
        first,
        last,
        lane: laneOf.get(ev.type) ?? 0,
        jitter: (hash(ev.id) % 5) - 2,
        quad: Math.max(0, QUADS.indexOf(ev.quad)),
        month: cal.year * 12 + cal.month,
      });
    }
    if (lo === Infinity) {
      const now = dayOfYear(new Date().getUTCFullYear());
      lo = now - 3650;
      hi = now;
    }
    // Pad so the first and last marks are not cut by the edges.
    const pad = Math.max(30, (hi - lo) * 0.04);
    this.dataFirst = lo - pad;
    this.dataLast = hi + pad;
    if (hi - lo < MIN_SPAN) {
      const mid = (lo + hi) / 2;
      this.dataFirst = mid - MIN_SPAN * 2;
      this.dataLast = mid + MIN_SPAN * 2;
    }
    if (view && view.last > view.first) this.setWindow(view.first, view.last, false);
    else this.setWindow(this.dataFirst, this.dataLast, false);
    this.summary.textContent = `${this.placed.length} dated and ${this.undated.length} undated events on the timeline.`;
    this.resize();
  }

  /** Redraws on the next frame (marks changed in place, e.g. conflicts arrived). */
  redraw(): void {
    this.schedule();
  }

  /** Marks `id` as selected. */
  setSelected(id: string): void {
    if (id && id !== this.selected) {
      const ev =
        this.placed.find((p) => p.ev.id === id)?.ev ?? this.undated.find((e) => e.id === id);
      const who = [ev?.source?.name, ev?.target?.name].filter(Boolean).join(' → ');
      // Spoken by screen readers when stepping with the arrow keys.
      if (ev)
        this.summary.textContent = `Selected: ${ev.date ?? 'undated'}, ${ev.type}${who ? `, ${who}` : ''}.`;
    }
    this.selected = id;
    this.schedule();
  }

  /** Zooms by `factor` (<1 in) around day `center` (default: the middle). */
  zoom(factor: number, center?: number): void {
    const c = center ?? (this.first + this.last) / 2;
    const span = Math.min(MAX_SPAN, Math.max(MIN_SPAN, (this.last - this.first) * factor));
    const ratio = (c - this.first) / (this.last - this.first);
    this.setWindow(c - span * ratio, c - span * ratio + span);
  }

  /** Pans by a fraction of the visible span. */
  pan(fraction: number): void {
    const d = (this.last - this.first) * fraction;
    this.setWindow(this.first + d, this.last + d);
  }

  /** Shows every event. */
  fit(): void {
    this.setWindow(this.dataFirst, this.dataLast);
  }

  /** Shows the window around an event when it is outside the visible one. */
  reveal(id: string): void {
    const p = this.placed.find((x) => x.ev.id === id);
    if (!p || (p.first >= this.first && p.last <= this.last)) return;
    const span = Math.max(this.last - this.first, p.last - p.first + MIN_SPAN);
    const mid = (p.first + p.last) / 2;
    this.setWindow(mid - span / 2, mid + span / 2);
  }

  private setWindow(first: number, last: number, notify = true): void {
    this.first = first;
    this.last = last;
    if (notify) this.opts.onView(first, last);
    this.schedule();
  }

  private resize(): void {
    const stage = this.canvas.parentElement!;
    this.width = Math.max(280, stage.clientWidth);
    this.gutter = this.width < 520 ? 88 : 112;
    this.drawNow();
  }

  private height(): number {
    return PAD_TOP + DENSITY_H + AXIS_H + Math.max(1, this.lanes.length) * LANE_H + UNDATED_H + 8;
  }

  private x(day: number): number {
    return (
      this.gutter +
      ((day - this.first) / (this.last - this.first)) * (this.width - this.gutter - 12)
    );
  }

  private dayAt(x: number): number {
    return (
      this.first + ((x - this.gutter) / (this.width - this.gutter - 12)) * (this.last - this.first)
    );
  }

  private schedule(): void {
    if (this.raf) return;
    this.raf = requestAnimationFrame(() => {
      this.raf = 0;
      this.drawNow();
    });
  }

  /** Draws synchronously (first render, resize, tests). */
  drawNow(): void {
    if (this.raf) {
      cancelAnimationFrame(this.raf);
      this.raf = 0;
    }
    const dpr = window.devicePixelRatio || 1;
    const H = this.height();
    const W = this.width;
    if (this.canvas.width !== Math.round(W * dpr) || this.canvas.height !== Math.round(H * dpr)) {
      this.canvas.width = Math.round(W * dpr);
      this.canvas.height = Math.round(H * dpr);
      this.canvas.style.height = `${H}px`;
    }
    const ctx = this.canvas.getContext('2d');
    if (!ctx) return;
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    ctx.clearRect(0, 0, W, H);
    // Phones get the narrow gutter and a smaller face so "Undated (n)" still fits.
    ctx.font = `${this.gutter < 100 ? 11 : 12}px system-ui, -apple-system, "Segoe UI", Roboto, sans-serif`;
    ctx.textBaseline = 'middle';

    const plotL = this.gutter;
    const plotR = W - 12;
    const densTop = PAD_TOP;
    const axisY = densTop + DENSITY_H;
    const lanesTop = axisY + AXIS_H;
    const undatedTop = lanesTop + Math.max(1, this.lanes.length) * LANE_H;

    // Lane backgrounds and labels.
    ctx.fillStyle = '#4a5568';
    ctx.textAlign = 'right';
    this.lanes.forEach((t, i) => {
      if (i % 2 === 0) {
        ctx.fillStyle = '#f7f8fa';
        ctx.fillRect(plotL, lanesTop + i * LANE_H, plotR - plotL, LANE_H);
      }
      ctx.fillStyle = '#2d3748';
      ctx.fillText(t, plotL - 8, lanesTop + i * LANE_H + LANE_H / 2);
    });
    ctx.fillStyle = '#edf0f4';
    ctx.fillRect(plotL, undatedTop + 2, plotR - plotL, UNDATED_H - 4);
    ctx.fillStyle = '#2d3748';
    ctx.fillText(`Undated (${this.undated.length})`, plotL - 8, undatedTop + UNDATED_H / 2);
    ctx.fillText('Events', plotL - 8, densTop + 10);
    ctx.fillStyle = '#718096';
    ctx.fillText(`per ${binUnit(this.last - this.first)}`, plotL - 8, densTop + 26);

    // Ticks and grid.
    ctx.textAlign = 'center';
    ctx.strokeStyle = '#e2e8f0';
    ctx.lineWidth = 1;
    for (const t of ticks(this.first, this.last, plotR - plotL)) {
      const x = Math.round(this.x(t.day)) + 0.5;
      if (x < plotL || x > plotR) continue;
      ctx.beginPath();
      ctx.moveTo(x, densTop);
      ctx.lineTo(x, undatedTop);
      ctx.stroke();
      ctx.fillStyle = '#2d3748';
      ctx.fillText(t.label, Math.min(Math.max(x, plotL + 20), plotR - 20), axisY + AXIS_H / 2);
    }
    ctx.strokeStyle = '#a0aec0';
    ctx.beginPath();
    ctx.moveTo(plotL, axisY + 0.5);
    ctx.lineTo(plotR, axisY + 0.5);
    ctx.stroke();

    ctx.save();
    ctx.beginPath();
    ctx.rect(plotL, 0, plotR - plotL, H);
    ctx.clip();
    const max = this.drawDensity(ctx, densTop, DENSITY_H - 4);
    this.drawMarks(ctx, lanesTop, undatedTop, plotL, plotR);
    ctx.restore();
    if (max) {
      // In the gutter, under the unit: inside the plot it would sit on the first bars.
      ctx.fillStyle = '#718096';
      ctx.textAlign = 'right';
      ctx.fillText(`max ${max}`, plotL - 8, densTop + 42);
    }
  }

  private drawDensity(ctx: CanvasRenderingContext2D, top: number, height: number): number {
    const unit = binUnit(this.last - this.first);
    // Bins are keyed by year, month (year × 12 + month) or day, precomputed per event: no Date
    // objects in the frame loop.
    const keyOf = (p: Placed) =>
      unit === 'year' ? Math.floor(p.month / 12) : unit === 'month' ? p.month : p.first;
    const startOf = (k: number) =>
      unit === 'year' ? dayOfYear(k) : unit === 'month' ? dayOfYear(Math.floor(k / 12), k % 12) : k;
    const bins = new Map<number, number[]>();
    for (const p of this.placed) {
      if (p.first > this.last || p.first < this.first - 366) continue;
      const b = keyOf(p);
      let row = bins.get(b);
      if (!row) bins.set(b, (row = [0, 0, 0, 0]));
      row[p.quad]! += 1;
    }
    let max = 0;
    for (const row of bins.values()) max = Math.max(max, row[0]! + row[1]! + row[2]! + row[3]!);
    if (!max) return 0;
    for (const [key, row] of bins) {
      const x0 = this.x(startOf(key));
      const x1 = this.x(startOf(key + 1));
      const w = Math.max(1, x1 - x0 - (x1 - x0 > 4 ? 1 : 0));
      let y = top + height;
      for (let q = 0; q < 4; q++) {
        const bh = (row[q]! / max) * height;
        if (!bh) continue;
        ctx.fillStyle = QUAD_COLOR[QUADS[q]!];
        ctx.globalAlpha = 0.75;
        ctx.fillRect(x0, y - bh, w, bh);
        y -= bh;
      }
    }
    ctx.globalAlpha = 1;
    return max;
  }

  private drawMarks(
    ctx: CanvasRenderingContext2D,
    lanesTop: number,
    undatedTop: number,
    plotL: number,
    plotR: number,
  ): void {
    const n = this.placed.length + this.undated.length;
    if (this.hitX.length < n) {
      this.hitX = new Float32Array(n);
      this.hitY = new Float32Array(n);
    }
    this.hitEv = [];
    let selected: { x: number; y: number; w: number } | null = null;
    // One path per quad class: 4 fills instead of 10,000 keeps a frame in a few milliseconds.
    const paths = new Map<QuadClass, Path2D>(QUADS.map((q) => [q, new Path2D()]));
    const hollow = new Path2D();
    const marks = new Path2D();
    // Thousands of marks in view: squares rasterise several times faster than circles without a
    // GPU, and at that density the shape is not what the eye reads.
    let inView = 0;
    for (const p of this.placed) if (p.last >= this.first && p.first <= this.last + 1) inView++;
    const crowded = inView > 2000;
    // Marks in view per lane, for the labels: [left edge, right edge, event].
    const laneMarks: [number, number, TimelineEvent][][] = this.lanes.map(() => []);
    const cols = Math.ceil(plotR - plotL) + 16;
    const drawn = new Uint8Array(cols * Math.max(1, this.lanes.length) * 5);
    for (const p of this.placed) {
      if (p.last < this.first || p.first > this.last + 1) continue;
      const x0 = this.x(p.first);
      const x1 = this.x(p.last + 1);
      const y = lanesTop + p.lane * LANE_H + LANE_H / 2 + p.jitter * 2;
      const path = paths.get(p.ev.quad)!;
      const w = x1 - x0;
      if (w > 8) {
        path.rect(
          Math.max(x0, plotL - 2),
          y - 3,
          Math.min(x1, plotR + 2) - Math.max(x0, plotL - 2),
          6,
        );
      } else {
        const cx = (x0 + x1) / 2;
        // Zoomed out, many marks fall on the same pixel of the same row: draw each pixel once.
        const cell = (p.lane * 5 + p.jitter + 2) * cols + Math.round(cx - plotL + 8);
        if (
          cell >= 0 &&
          cell < drawn.length &&
          !p.ev.negated &&
          (crowded || !p.ev.conflicts?.length) &&
          p.ev.id !== this.selected
        ) {
          if (drawn[cell]) {
            this.hitX[this.hitEv.length] = cx;
            this.hitY[this.hitEv.length] = y;
            this.hitEv.push(p.ev);
            continue;
          }
          drawn[cell] = 1;
        }
        if (p.ev.negated) {
          hollow.moveTo(cx + 4, y);
          hollow.arc(cx, y, 4, 0, Math.PI * 2);
        } else if (crowded) {
          path.rect(cx - 3.5, y - 3.5, 7, 7);
        } else {
          path.moveTo(cx + 4, y);
          path.arc(cx, y, 4, 0, Math.PI * 2);
        }
      }
      const hx = w > 8 ? Math.min(Math.max((x0 + x1) / 2, plotL), plotR) : (x0 + x1) / 2;
      if (!crowded)
        laneMarks[p.lane]?.push(
          w > 8 ? [Math.max(x0, plotL), Math.min(x1, plotR), p.ev] : [hx - 4, hx + 4, p.ev],
        );
      this.hitX[this.hitEv.length] = hx;
      this.hitY[this.hitEv.length] = y;
      this.hitEv.push(p.ev);
      // Crowded, a triangle over every disputed mark would hide the marks; the list and the
      // card still say which events the sources disagree on.
      if (p.ev.conflicts?.length && !crowded) {
        marks.moveTo(hx, y - 15);
        marks.lineTo(hx + 5, y - 7);
        marks.lineTo(hx - 5, y - 7);
        marks.closePath();
      }
      if (p.ev.id === this.selected) selected = { x: hx, y, w: Math.max(0, w) };
    }
    const count = this.undated.length;
    this.undated.forEach((ev, i) => {
      // Undated events have no place in time: they are spread evenly in their own lane.
      const x = plotL + ((i + 0.5) / count) * (plotR - plotL);
      const y = undatedTop + UNDATED_H / 2 + ((hash(ev.id) % 3) - 1) * 3;
      const path = paths.get(ev.quad)!;
      path.moveTo(x + 3.5, y);
      path.arc(x, y, 3.5, 0, Math.PI * 2);
      this.hitX[this.hitEv.length] = x;
      this.hitY[this.hitEv.length] = y;
      this.hitEv.push(ev);
      if (ev.id === this.selected) selected = { x, y, w: 0 };
    });
    ctx.globalAlpha = 0.85;
    for (const [q, path] of paths) {
      ctx.fillStyle = QUAD_COLOR[q];
      ctx.fill(path);
    }

    ctx.globalAlpha = 1;
    ctx.strokeStyle = '#4a5568';
    ctx.lineWidth = 1.5;
    ctx.stroke(hollow);
    ctx.fillStyle = '#b7791f';
    ctx.fill(marks);
    if (selected) {
      ctx.strokeStyle = '#1a202c';
      ctx.lineWidth = 2;
      ctx.beginPath();
      ctx.arc(selected.x, selected.y, 7.5, 0, Math.PI * 2);
      ctx.stroke();
    }
    this.placeLabels(ctx, laneMarks, lanesTop, plotR);
  }

  /**
   * Short labels beside the marks where there is room, as TimelineJS does: in each lane, left to
   * right, a label starts just after its mark and ends before the next mark, so labels never
   * overlap each other or a mark. Too little room (under LABEL_MIN px) and the mark stays bare.
   */
  private placeLabels(
    ctx: CanvasRenderingContext2D,
    laneMarks: [number, number, TimelineEvent][][],
    lanesTop: number,
    plotR: number,
  ): void {
    let used = 0;
    ctx.font = LABEL_FONT;
    laneMarks.forEach((marks, lane) => {
      if (marks.length > LABEL_LANE_MAX) return;
      marks.sort((a, b) => a[0] - b[0]);
      let free = -Infinity;
      for (let i = 0; i < marks.length; i++) {
        const [, right, ev] = marks[i]!;
        const start = Math.max(right + LABEL_GAP, free);
        const end = Math.min(marks[i + 1]?.[0] ?? Infinity, plotR) - LABEL_GAP;
        if (end - start < LABEL_MIN) continue;
        const text = labelText(ev);
        if (!text) continue;
        let width = this.labelWidth.get(ev.id);
        if (width === undefined)
          this.labelWidth.set(ev.id, (width = Math.ceil(ctx.measureText(text).width) + 2));
        const w = Math.min(width, end - start, LABEL_MAX);
        const el =
          this.labelPool[used] ??
          this.labelLayer.appendChild(h('span', { class: 'timeline-label' }));
        this.labelPool[used++] = el;
        if (el.textContent !== text) el.textContent = text;
        el.hidden = false;
        el.style.left = `${start}px`;
        el.style.top = `${lanesTop + lane * LANE_H + (LANE_H - LABEL_H) / 2}px`;
        el.style.width = `${w}px`;
        el.dataset.id = ev.id;
        free = start + w + LABEL_GAP;
      }
    });
    for (let i = used; i < this.labelPool.length; i++) this.labelPool[i]!.hidden = true;
  }

  private nearest(e: PointerEvent | MouseEvent): TimelineEvent | null {
    const r = this.canvas.getBoundingClientRect();
    const x = e.clientX - r.left;
    const y = e.clientY - r.top;
    let best = -1;
    let bestD = 10 * 10;
    for (let i = 0; i < this.hitEv.length; i++) {
      const dx = this.hitX[i]! - x;
      const dy = this.hitY[i]! - y;
      const d = dx * dx + dy * dy;
      if (d < bestD) {
        bestD = d;
        best = i;
      }
    }
    return best >= 0 ? this.hitEv[best]! : null;
  }

  private onClick(e: PointerEvent): void {
    const ev = this.nearest(e);
    if (ev) this.opts.onSelect(ev.id);
  }

  private onPointerMove(e: PointerEvent): void {
    if (this.drag) {
      const dx = e.clientX - this.drag.x;
      if (Math.abs(dx) > 3) this.drag.moved = true;
      if (this.drag.moved) {
        const perPx = (this.drag.last - this.drag.first) / (this.width - this.gutter - 12);
        this.first = this.drag.first - dx * perPx;
        this.last = this.drag.last - dx * perPx;
        this.schedule();
      }
      return;
    }
    const ev = this.nearest(e);
    this.canvas.style.cursor = ev ? 'pointer' : 'grab';
    const r = this.canvas.getBoundingClientRect();
    if (!ev) {
      // Over a lane's name in the gutter: what the type means.
      const lane = Math.floor((e.clientY - r.top - (PAD_TOP + DENSITY_H + AXIS_H)) / LANE_H);
      const type = e.clientX - r.left < this.gutter ? this.lanes[lane] : undefined;
      this.tip.hidden = !type;
      if (type) this.showTip(`${type}: ${typeMeaning(type)}`, e, r);
      return;
    }
    const who = [ev.source?.name, ev.target?.name].filter(Boolean).join(' → ');
    this.showTip(`${ev.date ?? 'undated'} · ${ev.type}${who ? ` · ${who}` : ''}`, e, r);
  }

  private showTip(text: string, e: PointerEvent, r: DOMRect): void {
    this.tip.textContent = text;
    this.tip.hidden = false;
    this.tip.style.left = `${Math.max(0, Math.min(e.clientX - r.left + 12, this.width - 220))}px`;
    this.tip.style.top = `${e.clientY - r.top + 14}px`;
  }

  private onWheel(e: WheelEvent): void {
    e.preventDefault();
    const r = this.canvas.getBoundingClientRect();
    const x = e.clientX - r.left;
    // Horizontal wheel (trackpads) pans; vertical zooms around the pointer.
    if (Math.abs(e.deltaX) > Math.abs(e.deltaY)) {
      this.pan(e.deltaX / (this.width - this.gutter));
      return;
    }
    const center = x >= this.gutter ? this.dayAt(x) : undefined;
    this.zoom(Math.exp(Math.max(-1, Math.min(1, e.deltaY / 300))), center);
  }

  /** Selects the next (1) or previous (-1) event in time order, undated ones last. */
  private step(dir: 1 | -1): void {
    const order = [...this.placed.map((p) => p.ev), ...this.undated];
    if (!order.length) return;
    const at = order.findIndex((e) => e.id === this.selected);
    const next =
      order[
        at < 0
          ? dir > 0
            ? 0
            : order.length - 1
          : Math.min(order.length - 1, Math.max(0, at + dir))
      ]!;
    this.opts.onSelect(next.id);
  }

  private onKey(e: KeyboardEvent): void {
    const actions: Record<string, () => void> = {
      '+': () => this.zoom(0.5),
      '=': () => this.zoom(0.5),
      '-': () => this.zoom(2),
      _: () => this.zoom(2),
      '0': () => this.fit(),
      ArrowLeft: () => this.pan(-0.2),
      ArrowRight: () => this.pan(0.2),
      ArrowDown: () => this.step(1),
      ArrowUp: () => this.step(-1),
      Home: () => this.setWindow(this.dataFirst, this.dataFirst + (this.last - this.first)),
      End: () => this.setWindow(this.dataLast - (this.last - this.first), this.dataLast),
    };
    const act = actions[e.key];
    if (!act) return;
    e.preventDefault();
    act();
  }

  /** The visible window as ISO dates (for the URL). */
  windowIso(): string {
    return `${isoOf(Math.floor(this.first))},${isoOf(Math.ceil(this.last))}`;
  }
}
