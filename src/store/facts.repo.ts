// Per-document facts that are not merged events: prospects, figures and stances.
import type { ExtractedFigure, ExtractedProspect, ExtractedStance } from '../extract/types.ts';
import { prepared, type Db } from './db.ts';
import { toDay } from './days.ts';

/** A date's bounds as ISO days, computed by the caller (the store does not parse contract dates). */
export type Bounds = readonly [string, string] | null;

/** Stores a document's prospects, with the wording of their clauses when read (JSON), else null. */
export function insertProspects(
  db: Db,
  documentId: string,
  items: { prospect: ExtractedProspect; bounds: Bounds; wording?: string | null }[],
): void {
  const s = prepared(
    db,
    `INSERT INTO prospects (document_id, extraction_id, kind, type, mode, cameo, date, date_first, date_last,
       source, source_text, target, target_text, actors, evidence_start, evidence_end, evidence_text, confidence,
       wording)
     VALUES (@documentId, @id, @kind, @type, @mode, @cameo, @date, @first, @last, @source, @sourceText,
       @target, @targetText, @actors, @start, @end, @text, @confidence, @wording)`,
  );
  for (const { prospect: p, bounds, wording } of items) {
    s.run({
      documentId,
      id: p.id,
      kind: p.kind,
      type: p.type,
      mode: p.mode,
      cameo: p.cameo,
      date: p.date,
      first: toDay(bounds?.[0]),
      last: toDay(bounds?.[1]),
      source: p.source?.code ?? null,
      sourceText: p.source?.text ?? null,
      target: p.target?.code ?? null,
      targetText: p.target?.text ?? null,
      actors: JSON.stringify(p.actors),
      start: p.evidence.start,
      end: p.evidence.end,
      text: p.evidence.text,
      confidence: p.confidence,
      wording: wording ?? null,
    });
  }
}

/** Stores a document's figures. */
export function insertFigures(
  db: Db,
  documentId: string,
  items: { figure: ExtractedFigure; bounds: Bounds }[],
): void {
  const s = prepared(
    db,
    `INSERT INTO figures (document_id, extraction_id, measure, value, unit, qualifier, date, date_first, date_last,
       actors, evidence_start, evidence_end, evidence_text)
     VALUES (@documentId, @id, @measure, @value, @unit, @qualifier, @date, @first, @last, @actors, @start, @end, @text)`,
  );
  for (const { figure: f, bounds } of items) {
    s.run({
      documentId,
      id: f.id,
      measure: f.measure,
      value: f.value,
      unit: f.unit,
      qualifier: f.qualifier,
      date: f.date,
      first: toDay(bounds?.[0]),
      last: toDay(bounds?.[1]),
      actors: JSON.stringify(f.actors),
      start: f.evidence.start,
      end: f.evidence.end,
      text: f.evidence.text,
    });
  }
}

/** Stores a document's stances. */
export function insertStances(db: Db, documentId: string, items: ExtractedStance[]): void {
  const s = prepared(
    db,
    `INSERT INTO stances (document_id, extraction_id, holder, holder_text, polarity, target, target_text, issue,
       evidence_start, evidence_end, evidence_text)
     VALUES (@documentId, @id, @holder, @holderText, @polarity, @target, @targetText, @issue, @start, @end, @text)`,
  );
  for (const st of items) {
    s.run({
      documentId,
      id: st.id,
      holder: st.holder.code,
      holderText: st.holder.text,
      polarity: st.polarity,
      target: st.target?.code ?? null,
      targetText: st.target?.text ?? null,
      issue: st.issue,
      start: st.evidence.start,
      end: st.evidence.end,
      text: st.evidence.text,
    });
  }
}

/** How many facts of each kind a document has (to check a document was stored whole). */
export function countFacts(
  db: Db,
  documentId: string,
): { mentions: number; prospects: number; figures: number; stances: number; sentences: number } {
  return prepared(
    db,
    `SELECT (SELECT count(*) FROM mentions WHERE document_id = @id) AS mentions,
            (SELECT count(*) FROM prospects WHERE document_id = @id) AS prospects,
            (SELECT count(*) FROM figures WHERE document_id = @id) AS figures,
            (SELECT count(*) FROM stances WHERE document_id = @id) AS stances,
            coalesce((SELECT json_array_length(sentences) FROM documents WHERE id = @id), 0) AS sentences`,
  ).get({ id: documentId }) as {
    mentions: number;
    prospects: number;
    figures: number;
    stances: number;
    sentences: number;
  };
}
