import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { applicationsEn, applicationsVi } from '../../features/applications/messages.js';
import { auditVi } from '../../features/audit/messages.js';
import { dashboardVi } from '../../features/dashboard/messages.js';
import { enterprisesVi } from '../../features/enterprises/messages.js';
import { importsVi } from '../../features/imports/messages.js';
import { membersVi } from '../../features/members/messages.js';
import { orgVi } from '../../features/org/messages.js';
import { outreachVi } from '../../features/outreach/messages.js';
import { plansVi } from '../../features/plans/messages.js';
import { reviewsVi } from '../../features/reviews/messages.js';
import { usersVi } from '../../features/users/messages.js';
import { en } from './en.js';
import type { FeatureMessages } from './features.js';
import { vi } from './vi.js';

/**
 * The feature catalogues load with the pages (router.tsx, `page(…, [features])`): a page whose screens
 * use a key of a feature it does not list would show the bare key. This reads each page's imports (static
 * and lazy, within src/web) and the keys they write, literal or as a `prefix.${…}` template, and checks
 * every key is the shell's or one of the listed features'. The entry itself (main.tsx without the pages)
 * may use the shell's keys only.
 */
const web = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const features: Record<FeatureMessages, Record<string, string>> = {
  applications: applicationsVi,
  audit: auditVi,
  dashboard: dashboardVi,
  enterprises: enterprisesVi,
  imports: importsVi,
  members: membersVi,
  org: orgVi,
  outreach: outreachVi,
  plans: plansVi,
  reviews: reviewsVi,
  users: usersVi,
};
const owners = new Map<string, string[]>();
for (const [f, c] of Object.entries(features))
  for (const k of Object.keys(c)) owners.set(k, [...(owners.get(k) ?? []), f]);

function resolve(from: string, spec: string): string | null {
  if (!spec.startsWith('.')) return null;
  const base = path.resolve(path.dirname(from), spec).replace(/\.js$/, '');
  for (const ext of ['.ts', '.tsx']) if (fs.existsSync(base + ext)) return base + ext;
  return null;
}

/** The files a module pulls in, lazy imports included; catalogues and the i18n plumbing are not screens. */
function closure(entry: string, followLazy: boolean): Set<string> {
  const seen = new Set<string>();
  const todo = [entry];
  while (todo.length) {
    const file = todo.pop() as string;
    if (seen.has(file)) continue;
    seen.add(file);
    const src = fs.readFileSync(file, 'utf8');
    const specs = [
      ...[...src.matchAll(/^import (?!type )[^;]*?from '([^']+)'/gms)].map((m) => m[1]),
      ...[...src.matchAll(/^export [^;]*? from '([^']+)'/gms)].map((m) => m[1]),
      ...(followLazy ? [...src.matchAll(/import\('([^']+)'\)/g)].map((m) => m[1]) : []),
    ];
    for (const spec of specs) {
      const next = spec && resolve(file, spec);
      // Only the web's files write screen keys (src/shared has codes that look like them: 'member.admit').
      const screen = next?.startsWith(web + path.sep) && !next.endsWith('messages.ts');
      if (next && screen && !next.includes(`${path.sep}i18n${path.sep}`)) todo.push(next);
    }
  }
  return seen;
}

/** Keys not in the allowed catalogues, each with its file and the features that have it. */
function missing(files: Set<string>, allowed: readonly FeatureMessages[]): string[] {
  const ok = new Set([...Object.keys(vi), ...allowed.flatMap((f) => Object.keys(features[f]))]);
  const out: string[] = [];
  for (const file of files) {
    const src = fs.readFileSync(file, 'utf8');
    const where = path.relative(web, file);
    for (const m of src.matchAll(/['"`]([a-zA-Z]\w*(?:\.[\w-]+)+)['"`]/g)) {
      const key = m[1] ?? '';
      if (owners.has(key) && !ok.has(key)) out.push(`${where}: ${key} (${owners.get(key)?.join(', ')})`);
    }
    for (const m of src.matchAll(/`([a-zA-Z]\w*(?:\.[\w-]+)*\.)\$\{/g)) {
      const prefix = m[1] ?? '';
      const known = [...owners.keys(), ...Object.keys(vi)].filter((k) => k.startsWith(prefix));
      if (known.length && !known.some((k) => ok.has(k))) {
        out.push(`${where}: ${prefix}… (${[...new Set(known.flatMap((k) => owners.get(k) ?? []))].join(', ')})`);
      }
    }
  }
  return out;
}

const router = fs.readFileSync(path.join(web, 'app/router.tsx'), 'utf8');
const pages = [...router.matchAll(/page\(\s*\(\) => import\('([^']+)'\),\s*'(\w+)',\s*\[([^\]]*)\]/g)].map((m) => ({
  file: resolve(path.join(web, 'app/router.tsx'), m[1] ?? '') ?? '',
  name: m[2] ?? '',
  features: [...(m[3] ?? '').matchAll(/'(\w+)'/g)].map((x) => x[1] as FeatureMessages),
}));

describe('each page loads the catalogues its screens use', () => {
  it('finds the pages in the router', () => {
    expect(pages.length).toBeGreaterThanOrEqual(15);
    for (const p of pages) expect(p.file, p.name).not.toBe('');
  });

  it.each(pages)('$name', ({ file, features: listed }) => {
    expect(missing(closure(file, true), listed)).toEqual([]);
  });

  it('the entry (providers, sign-in guard) and the signed-in shell use the shell catalogue only', () => {
    expect(missing(closure(path.join(web, 'app/main.tsx'), false), [])).toEqual([]);
    expect(missing(closure(path.join(web, 'app/layout/AppLayout.tsx'), false), [])).toEqual([]);
  });

  it('keeps English typed by the same keys in the shell and the features', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(vi).sort());
    expect(Object.keys(applicationsEn).sort()).toEqual(Object.keys(applicationsVi).sort());
  });
});
