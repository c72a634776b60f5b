// CAMEO lookups: event codes → PLOVER, Goldstein scores, actor codes → ISO alpha-3, and back.
// The tables are data files in data/codes/ (sources in their headers), read once on first use.
import { readFileSync } from 'node:fs';
import { PLOVER_TYPES, type PloverType } from '../extract/types.ts';

/** A CAMEO event code's PLOVER reading; `type` is null for the roots PLOVER dropped (01, 02). */
export interface CameoEventCode {
  cameo: string;
  type: PloverType | null;
  mode: string | null;
  context: string | null;
  /** Where the PLOVER fields come from: the code itself, its base code, its root, or nowhere. */
  via: 'table' | 'base' | 'root' | 'dropped';
  description: string;
}

/** What a CAMEO actor country or known-group code stands for. */
export interface CameoActorCode {
  cameo: string;
  /** ISO alpha-3 for a state, acronym for an organisation, null for a region. */
  code: string | null;
  kind: 'state' | 'organisation' | 'region';
  label: string;
}

interface Tables {
  events: Map<string, CameoEventCode>;
  goldstein: Map<string, number>;
  actors: Map<string, CameoActorCode>;
  roots: Map<PloverType, string>;
  stateRoles: Set<string>;
  /** ISO code or acronym → CAMEO code, for exports. */
  back: Map<string, string>;
}

let tables: Tables | null = null;

function rows(file: string): string[][] {
  const text = readFileSync(new URL(`../../data/codes/${file}`, import.meta.url), 'utf8');
  // The first non-comment line is the column header.
  return text
    .split('\n')
    .filter((l) => l && !l.startsWith('#'))
    .slice(1)
    .map((l) => l.split('\t'));
}

const blank = (s: string | undefined) => (s ? s : null);

function load(): Tables {
  if (tables) return tables;
  const events = new Map<string, CameoEventCode>();
  for (const [cameo = '', type, mode, context, via, description = ''] of rows('cameo-plover.tsv')) {
    events.set(cameo, {
      cameo,
      type:
        type && (PLOVER_TYPES as readonly string[]).includes(type) ? (type as PloverType) : null,
      mode: blank(mode),
      context: blank(context),
      via: via as CameoEventCode['via'],
      description,
    });
  }
  const goldstein = new Map(rows('cameo-goldstein.tsv').map(([c = '', g = '']) => [c, Number(g)]));
  const actors = new Map<string, CameoActorCode>();
  for (const [cameo = '', code, kind, label = ''] of rows('cameo-actors.tsv')) {
    actors.set(cameo, { cameo, code: blank(code), kind: kind as CameoActorCode['kind'], label });
  }
  const roots = new Map(
    rows('plover-cameo-root.tsv').map(([t = '', r = '']) => [t as PloverType, r]),
  );
  const back = new Map<string, string>();
  for (const a of actors.values()) {
    // A code's own row wins over regions folded into it (WSB and GZS → PSE, BAG → IRQ).
    if (a.code && (!back.has(a.code) || a.cameo === a.code)) back.set(a.code, a.cameo);
  }
  const stateRoles = new Set(
    rows('cameo-roles.tsv')
      .filter((r) => r[1] === 'yes')
      .map((r) => r[0] ?? ''),
  );
  tables = { events, goldstein, actors, roots, back, stateRoles };
  return tables;
}

/** The PLOVER reading of a CAMEO event code (falls back to its base code and root), or null if unknown. */
export function cameoEvent(code: string): CameoEventCode | null {
  const { events } = load();
  return events.get(code) ?? events.get(code.slice(0, 3)) ?? events.get(code.slice(0, 2)) ?? null;
}

/** The Goldstein score of a CAMEO event code (or of its base code/root), or null if unknown. */
export function goldsteinScore(code: string): number | null {
  const { goldstein } = load();
  return (
    goldstein.get(code) ??
    goldstein.get(code.slice(0, 3)) ??
    goldstein.get(code.slice(0, 2)) ??
    null
  );
}

/** What a CAMEO country or known-group code stands for, or null if the table does not know it. */
export function cameoActor(code: string): CameoActorCode | null {
  return load().actors.get(code) ?? null;
}

/** True when an actor with this CAMEO role (GOV, MIL, …) stands for its state; false for BUS, MED, REB, …. */
export function isStateRole(role: string): boolean {
  return load().stateRoles.has(role);
}

/** The CAMEO root code ("03" … "18") a PLOVER type maps back to. */
export function cameoRoot(type: PloverType): string {
  const root = load().roots.get(type);
  if (!root) throw new Error(`no CAMEO root for PLOVER type ${type}`);
  return root;
}

/** The CAMEO code of an ISO alpha-3 state or organisation acronym (ROU → ROM, UN → UNO), or null. */
export function cameoActorOf(code: string): string | null {
  return load().back.get(code) ?? null;
}
