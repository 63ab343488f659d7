import { rowCounts, type TestEnv } from '../../test/harness.js';

/** A plan of a unit for 01/04–30/10/2024 with T3 (≥ goal admitted, of which informal) and T4 (introductions). */
export function planBody(unitId: number, extra: Record<string, unknown> = {}) {
  return {
    unitId,
    number: '8',
    symbol: 'KH-LĐLĐ',
    issuedOn: '2024-04-15',
    place: 'Phú Riềng',
    title: 'Phát triển đoàn viên, thành lập công đoàn cơ sở năm 2024',
    periodFrom: '2024-04-01',
    periodTo: '2024-10-30',
    signerName: 'Nguyễn Văn Chủ',
    signerPosition: 'Chủ tịch',
    signerAuthority: 'TM. BAN THƯỜNG VỤ / CHỦ TỊCH',
    recipients: ['LĐLĐ tỉnh (b/c)', 'Lưu: VT'],
    sections: { purpose: 'Đưa người lao động vào tổ chức công đoàn.' },
    bases: [{ text: 'Kế hoạch số 60/KH-LĐLĐ ngày 17/4/2024 của Ban Thường vụ LĐLĐ tỉnh' }],
    targets: [
      {
        code: 'T3',
        metric: 'members.admitted',
        comparator: 'at_least',
        goal: 4,
        subTargets: [
          {
            code: 'T3.1',
            label: 'trong đó lao động phi chính thức',
            metric: 'members.admitted',
            filters: { informal: true },
            goal: 1,
          },
        ],
      },
      { code: 'T4', metric: 'party.introduced', goal: 2 },
    ],
    ...extra,
  };
}

/** Row counts of the plan tables and the audit log: equal before and after a refused call = nothing written. */
export function planCounts(env: TestEnv): Promise<Record<string, number>> {
  return rowCounts(env, [
    'plan',
    'plan_target',
    'plan_share',
    'plan_amendment',
    'plan_basis',
    'plan_assignment',
    'audit_log',
  ]);
}
