import { useQuery } from '@tanstack/react-query';
import { useCallback } from 'react';
import { useSearchParams } from 'react-router';
import { isIsoDate, todayIso } from '../../../shared/text/index.js';
import { useSession } from '../auth/session.js';
import { orgApi, orgKeys } from '../org/api.js';

export type WorkScope = {
  /** The unit whose subtree the page shows; the user's first role unit until another is chosen. */
  unitId: number | undefined;
  unitName: string | undefined;
  from: string;
  to: string;
  today: string;
  setUnit: (id: number | null) => void;
  setPeriod: (from: string, to: string) => void;
};

/** 1 January of this year to today: the default period of the outreach figures. */
export function thisYear(today = todayIso()): { from: string; to: string } {
  return { from: `${today.slice(0, 4)}-01-01`, to: today };
}

/**
 * The unit and period shared by the enterprise, outreach and import pages. They live in the URL
 * (?unit=12&from=2026-01-01&to=2026-05-31) so a reload, a shared link or the menu keeps them.
 */
export function useWorkScope(): WorkScope {
  const { me } = useSession();
  const [params, setParams] = useSearchParams();
  const today = todayIso();
  const year = thisYear(today);
  const fromParam = params.get('from');
  const toParam = params.get('to');
  const from = fromParam && isIsoDate(fromParam) ? fromParam : year.from;
  const to = toParam && isIsoDate(toParam) ? toParam : year.to;
  const unitParam = Number(params.get('unit'));
  const own = me?.roles[0];
  const unitId = Number.isInteger(unitParam) && unitParam > 0 ? unitParam : own?.unitId;
  const known = me?.roles.find((r) => r.unitId === unitId);
  // A unit chosen elsewhere (a link) is named by the server.
  const named = useQuery({
    queryKey: orgKeys.detail(unitId ?? 0, today),
    queryFn: () => orgApi.detail(unitId ?? 0, today),
    enabled: unitId !== undefined && !known,
  });
  const unitName = known?.unitName ?? named.data?.name;

  const setUnit = useCallback(
    (id: number | null) =>
      setParams(
        (prev) => {
          const p = new URLSearchParams(prev);
          if (id === null) p.delete('unit');
          else p.set('unit', String(id));
          return p;
        },
        { replace: true },
      ),
    [setParams],
  );
  const setPeriod = useCallback(
    (nextFrom: string, nextTo: string) =>
      setParams(
        (prev) => {
          const p = new URLSearchParams(prev);
          const def = thisYear();
          if (nextFrom === def.from && nextTo === def.to) {
            p.delete('from');
            p.delete('to');
          } else {
            p.set('from', nextFrom);
            p.set('to', nextTo);
          }
          return p;
        },
        { replace: true },
      ),
    [setParams],
  );
  return { unitId, unitName, from, to, today, setUnit, setPeriod };
}
