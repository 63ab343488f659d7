import { mstCheckDigit } from '../../shared/ids/mst.js';
import { addDays } from '../../shared/text/index.js';
import * as publicApply from '../modules/applications/applications.public.js';
import * as applyRepo from '../modules/applications/applications.repository.js';
import * as applications from '../modules/applications/applications.service.js';
import * as enterprises from '../modules/enterprises/enterprises.service.js';
import * as outreach from '../modules/outreach/outreach.service.js';
import type { AppContext } from '../platform/context.js';
import { today } from '../platform/dates.js';
import type { Actor } from '../platform/scope.js';

/**
 * The work of the federations, so every page tells its story at first look: enterprises with surveys
 * (2024 under the Phú Riềng district, this year under the commune unions that took over its area),
 * outreach events in both periods, and self-applications waiting, approved and refused. Dates of this
 * year's records count back from today, so "this quarter / 6 months / this year" always hold some.
 */

/** A tax code with a right check digit, from a nine-digit stem. */
function mst(stem: number): string {
  for (let s = stem; ; s++) {
    const nine = String(s).padStart(9, '0');
    const d = mstCheckDigit(nine);
    if (d !== null) return `${nine}${d}`;
  }
}

type DemoEnterprise = {
  unit: string;
  name: string;
  ownership: string;
  area: [string, string];
  address: string;
  industry: string;
  /** Survey: date, workers, women, members. */
  survey: [string, number, number, number];
  union?: string;
};

const y = (ctx: AppContext, daysAgo: number) => addDays(today(ctx), -daysAgo);

function enterprisesOf(ctx: AppContext): DemoEnterprise[] {
  return [
    // 2024, the district federation's work before the reorganisation.
    {
      unit: 'PHURIENG',
      name: 'Công ty TNHH Gỗ Minh Long Phú Riềng',
      ownership: 'PRIVATE',
      area: ['25264', 'Xã Phú Riềng'],
      address: 'Ấp 3, xã Phú Riềng, huyện Phú Riềng',
      industry: 'Chế biến gỗ',
      survey: ['2024-05-14', 86, 31, 0],
    },
    {
      unit: 'PHURIENG',
      name: 'Công ty TNHH Hansoll Vina Bình Phước',
      ownership: 'FDI',
      area: ['25255', 'Xã Long Hà'],
      address: 'KCN Long Hà, huyện Phú Riềng',
      industry: 'Dệt may',
      survey: ['2024-06-20', 420, 350, 0],
    },
    {
      unit: 'PHURIENG',
      name: 'Hợp tác xã Nông nghiệp Phước Tân',
      ownership: 'COOP',
      area: ['25250', 'Xã Phước Tân'],
      address: 'Thôn Phước Tân, huyện Phú Riềng',
      industry: 'Nông nghiệp',
      survey: ['2024-08-05', 18, 7, 0],
    },
    // This year, under the commune unions.
    {
      unit: 'CDXA-PHURIENG',
      name: 'Công ty TNHH Cơ khí Phú Riềng',
      ownership: 'PRIVATE',
      area: ['25252', 'Xã Phú Riềng'],
      address: 'Thôn Phú Thịnh, xã Phú Riềng',
      industry: 'Cơ khí',
      survey: [y(ctx, 20), 64, 9, 0],
    },
    {
      unit: 'CDXA-PHURIENG',
      name: 'Hộ kinh doanh Tiệm may Hạnh',
      ownership: 'HOUSEHOLD',
      area: ['25252', 'Xã Phú Riềng'],
      address: 'Chợ Phú Riềng',
      industry: 'May đo',
      survey: [y(ctx, 45), 6, 5, 0],
    },
    {
      unit: 'CDXA-LONGHA',
      name: 'Công ty Cổ phần Điều Long Hà',
      ownership: 'PRIVATE',
      area: ['25255', 'Xã Long Hà'],
      address: 'Thôn 4, xã Long Hà',
      industry: 'Chế biến hạt điều',
      survey: [y(ctx, 70), 132, 98, 0],
    },
    {
      unit: 'CDXA-BINHTAN',
      name: 'Công ty TNHH Cao su Bình Tân',
      ownership: 'PRIVATE',
      area: ['25246', 'Xã Bình Tân'],
      address: 'Thôn 2, xã Bình Tân',
      industry: 'Cao su',
      survey: [y(ctx, 140), 210, 60, 0],
    },
  ];
}

export async function loadDemoWork(ctx: AppContext, actor: Actor, idOf: (code: string) => Promise<number>) {
  const ids = new Map<string, number>();
  let stem = 380_100_001;
  for (const e of enterprisesOf(ctx)) {
    const [surveyDate, workerCount, femaleCount, memberCount] = e.survey;
    const made = await enterprises.create(ctx, actor, {
      unitId: await idOf(e.unit),
      mst: mst(stem),
      name: e.name,
      shortName: null,
      address: e.address,
      adminAreaCode: e.area[0],
      adminAreaName: e.area[1],
      ownershipCode: e.ownership,
      industry: e.industry,
      officerUserId: null,
      grassrootsUnitId: e.union ? await idOf(e.union) : null,
      duplicateReason: null,
      survey: {
        surveyDate,
        workerCount,
        femaleCount,
        memberCount,
        employerAttitude: null,
        contactName: null,
        contactPhone: null,
        notes: null,
      },
    });
    stem += 7;
    ids.set(e.name, made.id);
  }
  const ent = (name: string) => {
    const id = ids.get(name);
    if (id === undefined) throw new Error(`demo enterprise ${name} missing`);
    return id;
  };

  const events = [
    {
      unit: 'PHURIENG',
      eventDate: '2024-06-25',
      formCode: 'WORKPLACE_MEETING',
      topics: ['UNION_MEMBERSHIP', 'LABOUR_CODE'],
      title: 'Gặp gỡ công nhân ca chiều Hansoll Vina',
      enterpriseIds: [ent('Công ty TNHH Hansoll Vina Bình Phước')],
      workersReached: 160,
    },
    {
      unit: 'PHURIENG',
      eventDate: '2024-09-12',
      formCode: 'EMPLOYER_DIALOGUE',
      topics: ['TRADE_UNION_LAW'],
      title: 'Làm việc với giám đốc Gỗ Minh Long về thành lập CĐCS',
      enterpriseIds: [ent('Công ty TNHH Gỗ Minh Long Phú Riềng')],
      workersReached: 12,
    },
    {
      unit: 'CDXA-PHURIENG',
      eventDate: y(ctx, 15),
      formCode: 'LEGAL_AID',
      topics: ['SOCIAL_INSURANCE', 'UNION_MEMBERSHIP'],
      title: 'Tư vấn bảo hiểm xã hội cho công nhân Cơ khí Phú Riềng',
      enterpriseIds: [ent('Công ty TNHH Cơ khí Phú Riềng')],
      workersReached: 40,
    },
    {
      unit: 'CDXA-LONGHA',
      eventDate: y(ctx, 60),
      formCode: 'SOCIAL_MEDIA',
      topics: ['UNION_MEMBERSHIP'],
      title: 'Nhóm Zalo công nhân Điều Long Hà',
      enterpriseIds: [ent('Công ty Cổ phần Điều Long Hà')],
      workersReached: 75,
    },
  ];
  for (const e of events) {
    const { unit, ...rest } = e;
    await outreach.create(ctx, actor, {
      ...rest,
      unitId: await idOf(unit),
      employerRepsReached: 1,
      officersPresent: null,
      cost: null,
      notes: null,
    });
  }

  // Self-applications to the garment union: two waiting, one approved, one refused.
  const unitId = await idOf('CDCS-PR-003');
  await applications.ensureLink(ctx, actor, unitId, 'http://localhost');
  const link = await applyRepo.activeLinkOf(ctx.db, unitId);
  if (!link) throw new Error('demo apply link missing');
  const info = await publicApply.info(ctx, link.token, 'vi');
  const people = [
    ['Nguyễn Thị Mai Thảo', 'female', '1999-03-15', '079199003151', '0912 345 601'],
    ['Trần Văn Hậu', 'male', '1995-11-02', '079095011022', '0912 345 602'],
    ['Lê Thị Hồng Gấm', 'female', '2001-07-21', '079301007211', '0912 345 603'],
    ['Phạm Thị Thu Trang', 'female', '1997-01-09', '079197001091', '0912 345 604'],
  ] as const;
  const made: number[] = [];
  for (const [i, [fullName, gender, birthDate, cccd, phone]] of people.entries()) {
    await publicApply.submit(
      ctx,
      link.token,
      {
        fullName,
        gender,
        birthDate,
        cccd,
        phone,
        workplace: 'Công ty TNHH May mặc Phú Riềng',
        consent: true,
        consentVersion: info.consent?.version,
        website: '',
      },
      `10.0.0.${i + 1}`,
      'vi',
    );
    const row = await ctx.db
      .selectFrom('application')
      .select('id')
      .where('full_name', '=', fullName)
      .executeTakeFirstOrThrow();
    made.push(row.id);
  }
  const [approved, refused] = made;
  if (approved !== undefined) {
    await applications.approve(ctx, actor, approved, {
      decisionNo: '03/QĐ-CĐCS',
      decisionDate: today(ctx),
      ceremonyDate: null,
      confirmWarnings: true,
    });
  }
  if (refused !== undefined) {
    await applications.reject(ctx, actor, refused, { reason: 'Đã là đoàn viên công đoàn cơ sở nơi làm việc cũ' });
  }
}
