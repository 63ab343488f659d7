import type { TLaterParent, TLaterParentQuestion } from '../../../shared/org/contract.js';
import { orgMessages as M } from '../../../shared/org/messages.js';
import { formatViDate } from '../../../shared/text/index.js';
import type { Db } from '../../db/database.js';
import { AppError } from '../../platform/errors.js';
import { successorOf } from '../../platform/unit-life.js';
import { type Issue, issue } from '../../platform/validation.js';
import * as repo from './org.repository.js';

/**
 * A unit founded on a past date lives inside a history that already happened: its parent may have
 * moved since (the new unit moves with it) or ended (then someone must say where the unit went). This
 * walks the parent's later states and turns them into the new unit's dated states.
 */

/** One dated state of the new unit: under `parentId`, whose path was `parentPath` then. */
export type Segment = {
  parentId: number;
  parentPath: string;
  parentDepth: number;
  parentType: string;
  from: string;
  to: string | null;
};

export type LifePlan = {
  segments: Segment[];
  /** Where it went at each end of a parent (answers the caller gave). */
  moves: { date: string; parentId: number }[];
  /** When it ended together with its parent (answered null). */
  endsOn: string | null;
  /** The ends of a parent no answer was given for (the walk stops at the first). */
  questions: TLaterParentQuestion[];
};

const MAX_STEPS = 20;

/**
 * From `date` under `parentId`, follows the parent's states; at each end of the current parent it takes
 * the caller's answer for that date or, with `propose`, the recorded successor (to list every question
 * the form should ask). Without an answer and without `propose` it stops and reports the question.
 */
export async function planLife(
  db: Db,
  parentId: number,
  date: string,
  answers: TLaterParent[],
  propose = false,
): Promise<LifePlan> {
  const plan: LifePlan = { segments: [], moves: [], endsOn: null, questions: [] };
  let p = parentId;
  let d = date;
  for (let step = 0; step < MAX_STEPS; step++) {
    const versions = await repo.versionsFrom(db, p, d);
    const first = versions[0];
    if (!first || first.valid_from > d) {
      const u = await repo.unitById(db, p);
      throw new AppError('ORG_NOT_ACTIVE_AT_DATE', { name: u?.name ?? String(p), date: formatViDate(d) });
    }
    for (const v of versions) {
      const from = v.valid_from > d ? v.valid_from : d;
      const last = plan.segments.at(-1);
      // A rename of the parent changes nothing for the child: only a new path starts a new state.
      const same = last && last.parentId === p && last.parentPath === v.path && last.parentType === v.type_code;
      if (last && same && last.to === from) last.to = v.valid_to;
      else {
        plan.segments.push({
          parentId: p,
          parentPath: v.path,
          parentDepth: v.depth,
          parentType: v.type_code,
          from,
          to: v.valid_to,
        });
      }
    }
    const end = versions.at(-1)?.valid_to ?? null;
    if (end === null) return plan;
    const unit = await repo.unitById(db, p);
    const successor = await successorOf(db, p);
    const question: TLaterParentQuestion = {
      date: end,
      parentId: p,
      parentName: unit?.name ?? '',
      kind: unit?.merged_into_id ? 'merge' : 'dissolve',
      proposedParentId: successor?.id ?? null,
      proposedParentName: successor?.name ?? null,
    };
    const answer = answers.find((a) => a.date === end);
    if (!answer) {
      plan.questions.push(question);
      if (!propose || !successor) return plan;
      plan.moves.push({ date: end, parentId: successor.id });
      p = successor.id;
    } else if (answer.parentId === null) {
      plan.endsOn = end;
      return plan;
    } else {
      plan.moves.push({ date: end, parentId: answer.parentId });
      p = answer.parentId;
    }
    d = end;
  }
  return plan;
}

/** The issues of a plan made from the caller's answers: unanswered ends, and answers for no end. */
export function planIssues(plan: LifePlan, answers: TLaterParent[]): Issue[] {
  const issues = plan.questions.map((q) =>
    issue('laterParents', M.laterParentMissing, {
      parent: q.parentName,
      date: formatViDate(q.date),
      proposed: q.proposedParentName ?? M.laterParentNoProposal,
    }),
  );
  const used = new Set([...plan.moves.map((m) => m.date), ...(plan.endsOn ? [plan.endsOn] : [])]);
  answers.forEach((a, i) => {
    if (!used.has(a.date) && plan.questions.length === 0) {
      issues.push(issue(`laterParents.${i}.date`, M.laterParentUnused, { date: formatViDate(a.date) }));
    }
  });
  return issues;
}
