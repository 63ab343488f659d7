import type { TAdmissionPerson } from '../../shared/members/contract.js';
import type { TPlanCreate, TTargetInput } from '../../shared/plans/contract.js';
import * as enterprises from '../modules/enterprises/enterprises.service.js';
import * as admission from '../modules/members/members.admission.js';
import * as party from '../modules/members/members.party.js';
import * as outreach from '../modules/outreach/outreach.service.js';
import * as plans from '../modules/plans/plans.service.js';
import * as shares from '../modules/plans/plans.shares.js';
import type { AppContext } from '../platform/context.js';
import type { Actor } from '../platform/scope.js';
import { demoCccd } from './demo-members.js';
import { PHURIENG_HEADER, SEED_SECTIONS } from './demo-plan-text.js';

/**
 * The plans of the demo (issue 10): the province's Plan 60/KH-LĐLĐ with Decision 175/QĐ-LĐLĐ assigning
 * shares to Phú Riềng and Bù Đăng; Phú Riềng's seed Plan 8/KH-LĐLĐ of 15/04/2024 with its four targets,
 * adopted from those shares and assigned on to its grassroots unions; and records through 2024 so the
 * dashboard tells a story: the garment union ahead, the food-processing one behind, the cashew one with
 * nothing yet. Then a 2026 plan of the Phú Riềng commune union under Đồng Nai, with its first records.
 */
const SURNAMES = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Vũ', 'Đặng', 'Bùi', 'Đỗ', 'Hồ', 'Ngô', 'Dương'];
const MIDDLE = { male: ['Văn', 'Minh', 'Đức', 'Quốc'], female: ['Thị', 'Ngọc', 'Thu', 'Kim'] };
const GIVEN = {
  male: ['An', 'Bảo', 'Cường', 'Dũng', 'Hải', 'Khang', 'Lộc', 'Nam', 'Phúc', 'Quang', 'Sơn', 'Tùng', 'Vinh'],
  female: ['Anh', 'Bích', 'Chi', 'Diễm', 'Hạnh', 'Hương', 'Lan', 'My', 'Nga', 'Oanh', 'Phương', 'Trang', 'Yến'],
};

/** People numbered from 1000 up, so their identity numbers never meet the members of demo-members.ts. */
let serial = 1000;
function people(count: number, trade: string | null, femaleEvery = 2): TAdmissionPerson[] {
  return Array.from({ length: count }, () => {
    const n = serial++;
    const gender = n % femaleEvery === 0 ? 'female' : 'male';
    const birthDate = `${1975 + (n % 28)}-${String(1 + (n % 12)).padStart(2, '0')}-${String(1 + (n % 27)).padStart(2, '0')}`;
    const fullName = `${SURNAMES[n % SURNAMES.length]} ${MIDDLE[gender][n % 4]} ${GIVEN[gender][(n * 7) % 13]}`;
    return {
      fullName,
      birthDate,
      gender,
      cccd: demoCccd(n, gender, birthDate),
      phone: null,
      ethnicityCode: '01',
      religionCode: 'NONE',
      nationality: 'VN',
      informalTradeCode: trade,
      occupation: null,
      address: null,
      adminAreaCode: null,
      adminAreaName: null,
      socialInsuranceNo: null,
      confirmWarnings: false,
    };
  });
}

/** Admission decisions of 2024 (and 2026) beyond demo-members.ts: [unit, number, date, count, informal trade]. */
export const ADMISSIONS: [string, string, string, number, string | null][] = [
  ['CDCS-PR-003', '11/QĐ-CĐCS', '2024-05-06', 30, null],
  ['CDCS-PR-003', '15/QĐ-CĐCS', '2024-06-17', 28, null],
  ['CDCS-PR-003', '19/QĐ-CĐCS', '2024-08-26', 34, null],
  ['CDCS-PR-001', '08/QĐ-CĐCS', '2024-06-03', 9, null],
  ['NDCS-PR-001', '06/QĐ-NĐCS', '2024-06-24', 14, 'RUBBER_TAPPER'],
  ['NDCS-PR-001', '09/QĐ-NĐCS', '2024-09-16', 9, 'RUBBER_TAPPER'],
  ['CDCS-BD-001', '04/QĐ-CĐCS', '2024-07-08', 12, null],
  ['CDCS-PR-003', '03/QĐ-CĐCS', '2026-03-09', 18, null],
  ['CDCS-PR-003', '07/QĐ-CĐCS', '2026-06-22', 11, null],
];

/** Members each union introduces to the Party (T4). */
export const INTRODUCED = { 'CDCS-PR-003': 42, 'CDCS-PR-001': 6 } as const;

type Ids = (code: string) => Promise<number>;

function planInput(
  x: Partial<TPlanCreate> & Pick<TPlanCreate, 'unitId' | 'number' | 'issuedOn' | 'title' | 'periodFrom' | 'periodTo'>,
): TPlanCreate {
  return {
    symbol: 'KH-LĐLĐ',
    place: null,
    signerName: null,
    signerPosition: null,
    signerAuthority: null,
    recipients: [],
    sections: {},
    bases: [],
    targets: [],
    ...x,
  };
}
type Sub = TTargetInput['subTargets'][number];
const target = (code: string, metric: string, goal: number, extra: Partial<TTargetInput> = {}): TTargetInput => ({
  code,
  label: null,
  metric,
  filters: {},
  comparator: 'at_least',
  goal,
  adoptedShareId: null,
  subTargets: [],
  ...extra,
});

/** A target used as a sub-target (sub-targets have none of their own). */
const sub = ({ subTargets: _, ...t }: TTargetInput): Sub => t;

async function records(ctx: AppContext, actor: Actor, idOf: Ids) {
  const admitted = new Map<string, number[]>();
  for (const [unit, decisionNo, date, count, trade] of ADMISSIONS) {
    const r = await admission.admit(ctx, actor, {
      unitId: await idOf(unit),
      applicationDate: date,
      decisionNo,
      decisionDate: date,
      ceremonyDate: null,
      people: people(count, trade),
    });
    admitted.set(unit, [...(admitted.get(unit) ?? []), ...r.admitted.map((a) => a.membershipId)]);
  }
  // Party introductions (T4): the garment union puts many forward, the food-processing one a few.
  const introduce = async (unit: string, n: number, from: number) => {
    const ids = (admitted.get(unit) ?? []).slice(0, n);
    for (const [i, id] of ids.entries()) {
      const day = new Date(Date.UTC(2024, from + (i % 2), 2 + (i % 25))).toISOString().slice(0, 10);
      await party.introduceToParty(ctx, actor, id, {
        introducedOn: day,
        partyOrganisation: `Chi bộ ${unit}`,
        note: null,
      });
    }
  };
  // September and October 2024 (months 8 and 9 counted from 0), after every introduced member joined.
  await introduce('CDCS-PR-003', INTRODUCED['CDCS-PR-003'], 8);
  await introduce('CDCS-PR-001', INTRODUCED['CDCS-PR-001'], 8);
  // The survey frame (T1) and the founding of a union in an enterprise of 25+ workers (T2).
  const phurieng = await idOf('PHURIENG');
  // Addresses as the 2024 survey wrote them, without commune codes: the commune is found from the address.
  const frame: [string, string | null, number, string][] = [
    ['Công ty TNHH May mặc Phú Riềng', 'CDCS-PR-003', 620, 'Ấp 5, xã Phú Riềng, huyện Phú Riềng, tỉnh Bình Phước'],
    ['Công ty TNHH Chế biến Nông sản Long Hưng', 'CDCS-PR-001', 180, 'Ấp 2, xã Long Hưng, huyện Phú Riềng'],
    ['Công ty TNHH Hạt điều Long Hà', 'CDCS-PR-004', 95, 'Thôn 6, xã Long Hà, huyện Phú Riềng'],
    ['Công ty TNHH Cơ khí Phước Tân', 'CDCS-PR-005', 48, 'Thôn Phước Tân, xã Phước Tân, huyện Phú Riềng'],
    ['Công ty TNHH Gạch men Phú Trung', null, 31, 'Ấp Phú Thịnh, xã Phú Trung, huyện Phú Riềng'],
    ['Hợp tác xã Dịch vụ Nông nghiệp Bù Nho', null, 14, 'Thôn Bù Nho, xã Bù Nho, huyện Phú Riềng'],
  ];
  const entIds: number[] = [];
  for (const [name, union, workers, address] of frame) {
    const e = await enterprises.create(ctx, actor, {
      unitId: phurieng,
      mst: null,
      name,
      shortName: null,
      address,
      adminAreaCode: null,
      adminAreaName: null,
      ownershipCode: 'PRIVATE',
      industry: null,
      officerUserId: null,
      grassrootsUnitId: union ? await idOf(union) : null,
      duplicateReason: null,
      survey: {
        surveyDate: '2024-04-20',
        workerCount: workers,
        employerAttitude: null,
        contactName: null,
        contactPhone: null,
        notes: null,
      },
    });
    entIds.push(e.id);
  }
  const event = (date: string, ids: number[], workers: number) =>
    outreach.create(ctx, actor, {
      unitId: phurieng,
      eventDate: date,
      formCode: 'LEAFLETS',
      topics: ['LABOUR_CODE'],
      title: 'Tuyên truyền Luật Công đoàn và Bộ luật Lao động',
      enterpriseIds: ids,
      workersReached: workers,
      employerRepsReached: ids.length,
      officersPresent: null,
      cost: null,
      notes: null,
    });
  await event('2024-05-14', entIds.slice(0, 2), 240);
  await event('2024-07-23', entIds.slice(2, 4), 110);
}

export async function loadDemoPlans(ctx: AppContext, actor: Actor, idOf: Ids) {
  await records(ctx, actor, idOf);
  const province = await plans.create(
    ctx,
    actor,
    planInput({
      unitId: await idOf('BINHPHUOC'),
      number: '60',
      issuedOn: '2024-04-17',
      place: 'Bình Phước',
      title: 'Phát triển đoàn viên, thành lập công đoàn cơ sở năm 2024',
      periodFrom: '2024-04-01',
      periodTo: '2024-12-31',
      signerAuthority: 'TM. BAN THƯỜNG VỤ / CHỦ TỊCH',
      targets: [
        target('T1', 'outreach.coverage', 100),
        target('T2', 'unions.founded', 3, { filters: { nonState: true, minWorkers: 25 } }),
        target('T3', 'members.admitted', 600),
        target('T4', 'party.introduced', 180),
      ],
    }),
  );
  await plans.issuePlan(ctx, actor, province.id);
  const pr = await idOf('PHURIENG');
  const bd = await idOf('BUDANG');
  const decision = {
    number: '175/QĐ-LĐLĐ',
    decidedOn: '2024-03-18',
    title: 'Giao chỉ tiêu phát triển đoàn viên năm 2024',
  };
  const given: Record<string, [number, number]> = { T2: [1, 1], T3: [250, 200], T4: [90, 60] };
  for (const t of province.targets) {
    const g = given[t.code];
    if (!g) continue;
    await shares.putShares(ctx, actor, province.id, t.id, {
      shares: [
        { unitId: pr, goal: g[0] },
        { unitId: bd, goal: g[1] },
      ],
      assignment: decision,
      confirm: false,
    });
  }
  const provinceView = await plans.get(ctx, actor, province.id);
  const shareOf = (code: string) =>
    provinceView.targets.find((t) => t.code === code)?.shares.find((s) => s.unitId === pr)?.id ?? null;
  // The header its documents print (configuration per unit, dated).
  await ctx.db
    .insertInto('document_header')
    .values({ ...PHURIENG_HEADER, unit_id: pr, created_at: new Date().toISOString() })
    .execute();
  const seed = await plans.create(
    ctx,
    actor,
    planInput({
      unitId: pr,
      number: '8',
      issuedOn: '2024-04-15',
      place: 'Phú Riềng',
      title: 'Phát triển đoàn viên, thành lập Công đoàn cơ sở năm 2024',
      periodFrom: '2024-04-01',
      periodTo: '2024-10-30',
      signerName: 'Lê Văn Hùng',
      signerPosition: 'Chủ tịch',
      signerAuthority: 'TM. BAN THƯỜNG VỤ / CHỦ TỊCH',
      recipients: [
        'LĐLĐ tỉnh (b/c)',
        'TT Huyện ủy (b/c)',
        'Bảo hiểm xã hội huyện',
        'Phòng LĐ-TB&XH huyện',
        'Chi cục Thuế Phú Riềng - Bù Gia Mập',
        'Các doanh nghiệp được khảo sát',
        'Lưu: VT',
      ],
      sections: SEED_SECTIONS,
      bases: [
        { planId: province.id, assignmentId: null, text: null },
        { planId: null, assignmentId: provinceView.assignments[0]?.id ?? null, text: null },
      ],
      targets: [
        target('T1', 'outreach.coverage', 100, {
          label: '100% doanh nghiệp ngoài Nhà nước và người lao động được tuyên truyền về tổ chức công đoàn',
        }),
        target('T2', 'unions.founded', 1, {
          label: 'Thành lập ít nhất 01 CĐCS trong doanh nghiệp ngoài Nhà nước có từ 25 lao động trở lên',
          filters: { nonState: true, minWorkers: 25 },
          adoptedShareId: shareOf('T2'),
        }),
        target('T3', 'members.admitted', 250, {
          label: 'Kết nạp từ 250 đoàn viên trở lên',
          adoptedShareId: shareOf('T3'),
          subTargets: [
            sub(
              target('T3.1', 'members.admitted', 30, {
                label: 'trong đó ít nhất 30 đoàn viên là lao động phi chính thức',
                filters: { informal: true },
              }),
            ),
          ],
        }),
        target('T4', 'party.introduced', 90, {
          label: 'Giới thiệu 90 đoàn viên ưu tú cho Đảng',
          adoptedShareId: shareOf('T4'),
        }),
      ],
    }),
  );
  await plans.issuePlan(ctx, actor, seed.id);
  const toUnions: Record<string, [string, number][]> = {
    T3: [
      ['CDCS-PR-003', 100],
      ['CDCS-PR-001', 60],
      ['CDCS-PR-004', 40],
      ['NDCS-PR-001', 50],
    ],
    T4: [
      ['CDCS-PR-003', 40],
      ['CDCS-PR-001', 30],
      ['CDCS-PR-004', 20],
    ],
  };
  for (const t of seed.targets) {
    const list = toUnions[t.code];
    if (!list) continue;
    const s = [];
    for (const [code, goal] of list) s.push({ unitId: await idOf(code), goal });
    await shares.putShares(ctx, actor, seed.id, t.id, { shares: s, assignment: null, confirm: false });
  }
  const commune = await plans.create(
    ctx,
    actor,
    planInput({
      unitId: await idOf('CDXA-PHURIENG'),
      number: '02',
      symbol: 'KH-CĐX',
      issuedOn: '2026-01-12',
      place: 'Phú Riềng',
      title: 'Phát triển đoàn viên năm 2026',
      periodFrom: '2026-01-01',
      periodTo: '2026-12-31',
      signerAuthority: 'TM. BAN CHẤP HÀNH / CHỦ TỊCH',
      bases: [
        { planId: null, assignmentId: null, text: 'Kế hoạch phát triển đoàn viên năm 2026 của LĐLĐ tỉnh Đồng Nai' },
      ],
      targets: [target('T1', 'members.admitted', 60), target('T2', 'members.stock', 150)],
    }),
  );
  await plans.issuePlan(ctx, actor, commune.id);
  return { province: province.id, seed: seed.id, commune: commune.id };
}
