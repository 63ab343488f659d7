import type { TargetStatus } from '../../../shared/plans/contract.js';
import { barPosition } from './format.js';

const FILL: Record<TargetStatus, string> = {
  on_track: '#237804',
  at_risk: '#ad6800',
  behind: '#a8071a',
  not_started: '#595959',
  no_goal: '#595959',
};

type Props = {
  actual: number;
  goal: number;
  /** Where an even pace would be today: the tick. */
  expected?: number;
  status: TargetStatus;
  /** The bar's accessible name: the figures in words. */
  label: string;
  thin?: boolean;
};

/** A progress bar with a tick where an even pace would be; a screen reader reads its label and value. */
export function ProgressBar({ actual, goal, expected, status, label, thin }: Props) {
  const fill = barPosition(actual, goal);
  const tick = expected === undefined ? null : barPosition(expected, goal);
  return (
    <div
      className={`dash-bar${thin ? ' dash-bar-thin' : ''}`}
      role="progressbar"
      aria-label={label}
      aria-valuemin={0}
      aria-valuemax={100}
      aria-valuenow={Math.round(fill)}
      data-testid="target-bar"
    >
      <div className="dash-bar-fill" style={{ width: `${fill}%`, background: FILL[status] }} />
      {tick !== null && <div className="dash-bar-tick" style={{ left: `${tick}%` }} aria-hidden />}
    </div>
  );
}
