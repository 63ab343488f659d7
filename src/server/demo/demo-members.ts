import type { TAdmissionPerson } from '../../shared/members/contract.js';
import * as admission from '../modules/members/members.admission.js';
import * as members from '../modules/members/members.lifecycle.js';
import * as party from '../modules/members/members.party.js';
import type { AppContext } from '../platform/context.js';
import { AppError } from '../platform/errors.js';
import type { Actor } from '../platform/scope.js';

/**
 * Members of three Phú Riềng grassroots unions admitted in 2024 by real-looking decisions (several of
 * them group applications, Mẫu 5b), so the list, its given-name order, the counts and the Party
 * section have something to show. Names are invented; identity numbers are built by the structure
 * rule (province, century+gender, birth year, six digits) from the row number, so every load is the same.
 */
type Row = [fullName: string, gender: 'm' | 'f', birthDate: string, religion?: string, ethnicity?: string];
type Decision = {
  unit: string;
  decisionNo: string;
  applicationDate: string;
  decisionDate: string;
  ceremonyDate?: string;
  trade?: string;
  occupation?: string;
  people: Row[];
};

export const MEMBER_DECISIONS: Decision[] = [
  {
    unit: 'CDCS-PR-003',
    decisionNo: '05/QĐ-CĐCS',
    applicationDate: '2024-02-26',
    decisionDate: '2024-03-08',
    ceremonyDate: '2024-03-08',
    occupation: 'Công nhân may',
    people: [
      ['Nguyễn Thị Thu Hà', 'f', '1996-04-12'],
      ['Trần Thị Ngọc Ánh', 'f', '1998-09-03', 'CATHOLIC'],
      ['Lê Thị Mỹ Duyên', 'f', '2000-01-25'],
      ['Phạm Thị Kim Yến', 'f', '1993-11-30', 'BUDDHISM'],
      ['Đỗ Văn Lợi', 'm', '1991-06-17'],
      ['Hoàng Thị Bích Vân', 'f', '1997-02-08'],
      ['Vũ Thị Oanh', 'f', '1989-12-19'],
      ['Ngô Thị Thanh Xuân', 'f', '2001-05-05'],
    ],
  },
  {
    unit: 'CDCS-PR-003',
    decisionNo: '11/QĐ-CĐCS',
    applicationDate: '2024-07-08',
    decisionDate: '2024-07-20',
    occupation: 'Công nhân may',
    people: [
      ['Bùi Thị Cẩm Tú', 'f', '1999-08-21'],
      ['Đặng Thị Quỳnh', 'f', '1995-03-14', 'CATHOLIC'],
      ['Huỳnh Văn Phúc', 'm', '1990-10-02'],
      ['Thị Bích', 'f', '1994-07-07', 'NONE', '22'],
      ['Phan Thị Ly', 'f', '2002-12-01'],
      ['Trương Thị Hồng Nhung', 'f', '1992-04-29'],
    ],
  },
  {
    unit: 'CDCS-PR-003',
    decisionNo: '17/QĐ-CĐCS',
    applicationDate: '2024-09-30',
    decisionDate: '2024-10-10',
    occupation: 'Tổ trưởng chuyền may',
    people: [
      ['Lý Thị Giang', 'f', '1988-01-16'],
      ['Mai Văn Khánh', 'm', '1987-09-09', 'BUDDHISM'],
      ['Võ Thị Diệu', 'f', '1996-06-23'],
      ['Đinh Thị Mơ', 'f', '1998-11-11'],
    ],
  },
  {
    unit: 'CDCS-PR-001',
    decisionNo: '03/QĐ-CĐCS',
    applicationDate: '2024-04-01',
    decisionDate: '2024-04-12',
    ceremonyDate: '2024-04-19',
    occupation: 'Công nhân chế biến hạt điều',
    people: [
      ['Nguyễn Văn Tài', 'm', '1990-02-14'],
      ['Trần Văn Sang', 'm', '1986-05-20'],
      ['Lê Thị Hạnh', 'f', '1994-08-08', 'CATHOLIC'],
      ['Phạm Văn Chiến', 'm', '1992-03-03'],
      ['Hồ Thị Ngân', 'f', '1997-10-27'],
      ['Dương Văn Quân', 'm', '1985-12-12'],
    ],
  },
  {
    unit: 'CDCS-PR-001',
    decisionNo: '09/QĐ-CĐCS',
    applicationDate: '2024-08-26',
    decisionDate: '2024-09-05',
    occupation: 'Công nhân kho',
    people: [
      ['Cao Văn Bảo', 'm', '1995-07-15'],
      ['Tạ Thị Uyên', 'f', '1999-04-04'],
      ['Lâm Văn Em', 'm', '1993-09-18', 'BUDDHISM'],
      ['Kiều Thị Ích', 'f', '1991-01-31'],
    ],
  },
  {
    unit: 'NDCS-PR-001',
    decisionNo: '02/QĐ-NĐCS',
    applicationDate: '2024-05-06',
    decisionDate: '2024-05-19',
    ceremonyDate: '2024-05-19',
    trade: 'RUBBER_TAPPER',
    people: [
      ['Điểu Văn Thắng', 'm', '1984-03-22', 'NONE', '22'],
      ['Thị Rinh', 'f', '1990-06-06', 'NONE', '22'],
      ['Nguyễn Văn Minh', 'm', '1979-11-05'],
      ['Trần Văn Định', 'm', '1982-08-14', 'CATHOLIC'],
      ['Lê Văn Nam', 'm', '1988-02-02'],
      ['Phạm Thị Lụa', 'f', '1986-10-10'],
      ['Hoàng Văn Ước', 'm', '1975-04-30'],
    ],
  },
  {
    unit: 'NDCS-PR-001',
    decisionNo: '06/QĐ-NĐCS',
    applicationDate: '2024-08-12',
    decisionDate: '2024-08-25',
    trade: 'RUBBER_TAPPER',
    people: [
      ['Vũ Văn Hiếu', 'm', '1983-12-24'],
      ['Đỗ Thị Xoan', 'f', '1992-09-01'],
      ['Nguyễn Văn Vinh', 'm', '1980-07-19', 'BUDDHISM'],
      ['Điểu Thị Ka', 'f', '1995-05-15', 'NONE', '22'],
      ['Trịnh Văn Long', 'm', '1977-01-08'],
    ],
  },
];

const PROVINCES = ['070', '070', '070', '038', '040', '075', '070', '036'];
const MOBILE = ['912', '983', '977', '356', '389', '868', '339', '702'];

/** A structurally valid CCCD for row n: birth province, century+gender digit, birth year, six digits. */
export function demoCccd(n: number, gender: 'male' | 'female', birthDate: string): string {
  const year = Number(birthDate.slice(0, 4));
  const digit = Math.floor((year - 1900) / 100) * 2 + (gender === 'female' ? 1 : 0);
  const tail = String((n * 7919 + 104_729) % 1_000_000).padStart(6, '0');
  return `${PROVINCES[n % PROVINCES.length]}${digit}${String(year % 100).padStart(2, '0')}${tail}`;
}

function demoPhone(n: number): string {
  return `0${MOBILE[n % MOBILE.length]}${String((n * 48_271 + 31_337) % 1_000_000).padStart(6, '0')}`;
}

/** Admits the demo members through the admission service, then a few later events on some of them. */
export async function loadDemoMembers(ctx: AppContext, actor: Actor, idOf: (code: string) => Promise<number>) {
  let n = 0;
  const byName = new Map<string, number>();
  const personOf = new Map<string, TAdmissionPerson>();
  for (const d of MEMBER_DECISIONS) {
    const people: TAdmissionPerson[] = d.people.map(([fullName, g, birthDate, religion, ethnicity]) => {
      const gender = g === 'f' ? 'female' : 'male';
      n++;
      return {
        fullName,
        birthDate,
        gender,
        cccd: demoCccd(n, gender, birthDate),
        phone: n % 5 === 0 ? null : demoPhone(n),
        ethnicityCode: ethnicity ?? '01',
        religionCode: religion ?? 'NONE',
        nationality: 'VN',
        informalTradeCode: d.trade ?? null,
        occupation: d.occupation ?? null,
        address: null,
        adminAreaCode: null,
        adminAreaName: null,
        socialInsuranceNo: null,
        confirmWarnings: false,
      };
    });
    const r = await admission.admit(ctx, actor, {
      unitId: await idOf(d.unit),
      applicationDate: d.applicationDate,
      decisionNo: d.decisionNo,
      decisionDate: d.decisionDate,
      ceremonyDate: d.ceremonyDate ?? null,
      people,
    });
    for (const a of r.admitted) byName.set(a.fullName, a.membershipId);
    for (const p of people) personOf.set(p.fullName, p);
  }
  const id = (name: string) => {
    const found = byName.get(name);
    if (found === undefined) throw new Error(`demo member ${name} missing`);
    return found;
  };

  await members.issueCard(ctx, actor, id('Nguyễn Thị Thu Hà'), { cardNo: 'PR003-2024-0001', issuedOn: '2024-04-15' });
  await members.issueCard(ctx, actor, id('Trần Thị Ngọc Ánh'), { cardNo: 'PR003-2024-0002', issuedOn: '2024-04-15' });
  await members.issueCard(ctx, actor, id('Nguyễn Văn Tài'), { cardNo: 'PR001-2024-0001', issuedOn: '2024-05-20' });
  // Moved from the garment factory's union to the food-processing one: a transfer, not a new admission.
  await members.transfer(ctx, actor, id('Đỗ Văn Lợi'), {
    toUnitId: await idOf('CDCS-PR-001'),
    date: '2024-11-01',
    decisionNo: '21/QĐ-CĐCS',
    note: 'Chuyển công tác sang Công ty TNHH Chế biến Nông sản Long Hưng',
  });
  await members.leave(ctx, actor, id('Trịnh Văn Long'), {
    kind: 'left',
    date: '2024-12-02',
    reason: 'Nghỉ cạo mủ, chuyển về quê ở Thanh Hóa',
    decisionNo: null,
  });
  await party.introduceToParty(ctx, actor, id('Lý Thị Giang'), {
    introducedOn: '2024-11-20',
    partyOrganisation: 'Chi bộ Công ty TNHH May mặc Phú Riềng',
    note: 'Tổ trưởng chuyền may, 3 năm liền lao động giỏi',
  });
  await party.introduceToParty(ctx, actor, id('Nguyễn Văn Tài'), {
    introducedOn: '2024-12-10',
    partyOrganisation: 'Đảng bộ xã Long Hưng',
    note: null,
  });
  // A garment worker put forward again by the food-processing union: refused there (she is still a
  // member at the garment factory) and left as a possible transfer that both unions see.
  const again = personOf.get('Phan Thị Ly');
  if (!again) throw new Error('demo member Phan Thị Ly missing');
  await admission
    .admit(ctx, actor, {
      unitId: await idOf('CDCS-PR-001'),
      applicationDate: '2024-12-05',
      decisionNo: '24/QĐ-CĐCS',
      decisionDate: '2024-12-12',
      ceremonyDate: null,
      people: [again],
    })
    .then(
      () => {
        throw new Error('demo: a second admission of an active member was accepted');
      },
      (e: unknown) => {
        if (!(e instanceof AppError) || e.code !== 'MEMBER_ACTIVE_ELSEWHERE') throw e;
      },
    );
  return { admitted: n };
}
