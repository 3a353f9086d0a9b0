// 负责人计分: a department head's total is share × their own total + (1 − share) × the mean of the
// totals of the other people in the department (the published ones), rounded once. Heads do not
// count in each other's mean. Used for a single period's totals and for each period's.
import * as X from './exact';
import type { Exact, Published } from './exact';
import type { Note } from './assess';

/** A head's total from their own and their department's. */
export interface HeadScore {
  readonly department: string;
  /** the head's own published total */
  readonly own: number;
  readonly ownShare: number;
  /** the other people of the department and their published totals; empty when none */
  readonly staff: readonly { readonly name: string; readonly total: number }[];
  readonly staffMean: Exact | null;
}

export interface HeadMember {
  readonly name: string;
  readonly department: string;
  readonly head: boolean;
  readonly total: Published;
}

/**
 * For each head with a department, their score and the new total (their own when alone in the
 * department); members without a department are left to the caller.
 */
export function headTotals(members: readonly HeadMember[], ownShare: number, decimals: number): Map<HeadMember, { head: HeadScore; total: Published }> {
  const out = new Map<HeadMember, { head: HeadScore; total: Published }>();
  for (const m of members) {
    if (!m.head || m.department === '') continue;
    const staff = members.filter((o) => !o.head && o.department === m.department).map((o) => ({ name: o.name, total: o.total.value }));
    if (staff.length === 0) {
      out.set(m, { head: { department: m.department, own: m.total.value, ownShare, staff, staffMean: null }, total: m.total });
      continue;
    }
    const staffMean = X.div(X.exactSum(staff.map((x) => x.total)), X.exactInt(staff.length));
    const total = X.publish(
      X.div(X.add(X.mul(X.exactFromNumber(m.total.value), X.exactFromNumber(ownShare)), X.mul(staffMean, X.exactFromNumber(100 - ownShare))), X.exactInt(100)),
      decimals,
    );
    out.set(m, { head: { department: m.department, own: m.total.value, ownShare, staff, staffMean }, total });
  }
  return out;
}

/** The 备注 note on a head's total. */
export function headNote(h: HeadScore, decimals: number): Note {
  if (!h.staffMean) return { code: 'note-head-alone', params: { department: h.department } };
  return {
    code: 'note-head',
    params: {
      own: h.own.toFixed(decimals),
      ownShare: h.ownShare,
      count: h.staff.length,
      mean: X.publish(h.staffMean, decimals).value.toFixed(decimals),
      restShare: 100 - h.ownShare,
    },
  };
}
