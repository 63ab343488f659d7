/**
 * The resolver over the real official lists (../shared/data/admin-units, not shipped with the product):
 * imported through the same CLI path, then every commune looked up by its own name and by an address
 * written the way offices write them. Skips, saying why, where the lists are absent.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrateToLatest } from '../../db/database.js';
import { openTestDatabase } from '../../test/harness.js';
import { type AdminUnitIndex, contextOf, resolveCommune } from './admin-units.resolver.js';
import { importFiles, loadIndex } from './admin-units.service.js';

const DIR = path.resolve(process.cwd(), '../shared/data/admin-units');
const FILES = ['communes-before-2025-07.csv', 'communes-from-2025-07.json', 'communes-2025-07-conversion.csv'];
const present = FILES.every((f) => fs.existsSync(path.join(DIR, f)));
if (!present) console.warn(`admin-units lists: skipped, ${DIR} does not hold ${FILES.join(', ')}`);

const none = { provinces: new Set<string>(), districts: new Set<string>() };

describe.skipIf(!present)('the resolver over the official lists', () => {
  let ix: AdminUnitIndex;
  let close: () => Promise<void>;
  let summary: Awaited<ReturnType<typeof importFiles>>;
  beforeAll(async () => {
    const t = await openTestDatabase();
    close = t.drop;
    await migrateToLatest(t.handle.db);
    summary = await importFiles(
      t.handle.db,
      FILES.map((f) => ({ fileName: f, text: fs.readFileSync(path.join(DIR, f), 'utf8') })),
    );
    ix = await loadIndex(t.handle.db);
  }, 180_000);
  afterAll(async () => close?.());

  it('imports both lists and the conversion', () => {
    const old = [...ix.byId.values()].filter((u) => u.validTo === '2025-07-01');
    const now = [...ix.byId.values()].filter((u) => u.validTo === null);
    expect(old.length).toBeGreaterThan(10_000);
    expect(now.length).toBeGreaterThan(3_300);
    // The JSON names provinces only; their codes come from the conversion table.
    expect(now.filter((u) => u.provinceCode === null)).toEqual([]);
    expect(summary.successors).toBeGreaterThan(10_000);
    console.log(
      `admin-units: ${old.length} old, ${now.length} new, ${summary.successors} successor pairs, ${summary.unmatched} unmatched conversion rows`,
    );
  });

  it('finds every commune of the new list by its own name and province, or says it is ambiguous', () => {
    const now = [...ix.byId.values()].filter((u) => u.validTo === null);
    let resolved = 0;
    const wrong: string[] = [];
    const ambiguous: string[] = [];
    for (const u of now) {
      const r = resolveCommune(ix, {
        name: u.name,
        context: contextOf(ix, [u.provinceCode as string]),
        date: '2026-01-15',
      });
      if (r.unit?.id === u.id) resolved++;
      else if (r.note === 'ambiguous') ambiguous.push(`${u.name}, ${u.provinceName}`);
      else wrong.push(`${u.name}, ${u.provinceName} → ${r.unit?.name ?? r.note}`);
    }
    console.log(`new list by name + province: ${resolved}/${now.length} resolved, ambiguous: ${ambiguous.join('; ')}`);
    expect(wrong).toEqual([]);
    // Ambiguous only where the list itself repeats a name in one province.
    for (const a of ambiguous) {
      const [name, province] = a.split(', ');
      expect(now.filter((u) => u.name === name && u.provinceName === province).length).toBeGreaterThan(1);
    }
  });

  it('reads "ấp 1, xã Y, huyện Z, tỉnh W" addresses built from the old list, with no other context', () => {
    const old = [...ix.byId.values()].filter((u) => u.validTo === '2025-07-01' && u.kind !== 'huyen');
    let resolved = 0;
    const wrong: string[] = [];
    const missed: string[] = [];
    for (const u of old) {
      const address = `Ấp 1, ${u.name}, ${u.districtName}, ${u.provinceName}`;
      const r = resolveCommune(ix, { address, context: none, date: '2024-05-10' });
      if (r.unit?.id === u.id) resolved++;
      else if (r.unit) wrong.push(`${address} → ${r.unit.name}`);
      else missed.push(`${address} (${r.note}: ${r.detail})`);
    }
    console.log(`unresolved, e.g.: ${missed.slice(0, 6).join(' · ')}`);
    const share = resolved / old.length;
    console.log(
      `old-list addresses: ${resolved}/${old.length} resolved (${(share * 100).toFixed(2)}%), ${wrong.length} wrong`,
    );
    expect(wrong).toEqual([]);
    expect(share).toBeGreaterThan(0.995);
  });

  it('takes an old commune to its new one for today, and leaves a split one unknown for today', () => {
    const r = resolveCommune(ix, { name: 'Xã Long Hưng', context: contextOf(ix, ['70', '698']), date: '2024-05-10' });
    expect(r.unit).toMatchObject({ code: '25246', name: 'Xã Long Hưng' });
    expect(r.now).toMatchObject({ code: '25246', name: 'Xã Bình Tân', provinceName: 'Tỉnh Đồng Nai' });
    const split = [...ix.successors.entries()].find(([, s]) => new Set(s.map((x) => x.newId)).size > 1);
    const u = split && ix.byId.get(split[0]);
    if (!u) throw new Error('the conversion table has split communes');
    const s = resolveCommune(ix, { code: u.code, name: u.name, context: none, date: '2024-05-10' });
    expect(s).toMatchObject({ unit: { id: u.id }, now: null, note: 'split' });
  });

  it('tolerates the ways names are written', () => {
    // Two "Phường 1" in Lâm Đồng (Đà Lạt, Bảo Lộc): the district decides; without it, ambiguous.
    const p1 = resolveCommune(ix, { name: 'P.01', context: contextOf(ix, ['68', '672']), date: '2024-05-10' });
    expect(p1.unit).toMatchObject({ code: '24784', name: 'Phường 1' });
    const both = resolveCommune(ix, { name: 'Phường 01', context: contextOf(ix, ['68']), date: '2024-05-10' });
    expect(both).toMatchObject({ unit: null, how: 'unresolved', note: 'ambiguous' });
    expect(both.detail).toContain('Thành phố Bảo Lộc');
    const tt = resolveCommune(ix, {
      address: 'Tổ 3, TT. Đức Phong, H. Bù Đăng, T. Bình Phước',
      context: none,
      date: '2024-05-10',
    });
    expect(tt.unit).toMatchObject({ code: '25396', name: 'Thị trấn Đức Phong' });
    // A province code typed in the commune-code column (70 → 00070, a ward of Hà Nội) is not trusted.
    const wrongColumn = resolveCommune(ix, {
      code: '70',
      name: 'Xã Long Hà',
      context: contextOf(ix, ['70', '698']),
      date: '2024-05-10',
    });
    expect(wrongColumn).toMatchObject({ how: 'name', unit: { code: '25255', name: 'Xã Long Hà' } });
    const noAccent = resolveCommune(ix, { name: 'xa binh tan', context: contextOf(ix, ['75']), date: '2026-01-10' });
    expect(noAccent.unit).toMatchObject({ code: '25246', name: 'Xã Bình Tân' });
  });
});
