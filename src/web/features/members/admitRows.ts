/**
 * The collective admission form's rows: what a row holds on screen, how it becomes the request body,
 * how several rows pasted from Excel become rows, and where the server's issues ("people.3.cccd") go.
 * No React here, so the rules are tested on their own.
 */

export type PersonRow = {
  fullName?: string;
  birthDate?: string | null;
  gender?: 'male' | 'female';
  cccd?: string;
  phone?: string;
  ethnicityCode?: string | null;
  religionCode?: string | null;
  nationality?: string;
  employerEnterpriseId?: number | null;
  informalTradeCode?: string | null;
  /** Ticked by the officer after checking the documents, once the server has warned about this row. */
  confirmWarnings?: boolean;
};

export const emptyRow = (): PersonRow => ({ nationality: 'VN', confirmWarnings: false });

const blank = (s: string | null | undefined) => (s ?? '').trim() === '';

/** A row nobody has typed into (a spare one at the end) is not sent. */
export function isEmptyRow(r: PersonRow): boolean {
  return blank(r.fullName) && !r.birthDate && blank(r.cccd) && blank(r.phone) && !r.employerEnterpriseId;
}

/** The request body of one person: text trimmed, empty optional fields left out. */
export function toPerson(r: PersonRow) {
  const opt = (s: string | null | undefined) => (blank(s) ? undefined : (s as string).trim());
  return {
    fullName: (r.fullName ?? '').trim(),
    birthDate: r.birthDate ?? '',
    gender: r.gender as 'male' | 'female',
    cccd: (r.cccd ?? '').replace(/\s+/g, ''),
    phone: opt(r.phone),
    ethnicityCode: r.ethnicityCode || undefined,
    religionCode: r.religionCode || undefined,
    nationality: (opt(r.nationality) ?? 'VN').toUpperCase(),
    employerEnterpriseId: r.employerEnterpriseId || undefined,
    informalTradeCode: r.informalTradeCode || undefined,
    confirmWarnings: r.confirmWarnings === true,
  };
}

/** dd/mm/yyyy (or d/m/yyyy, dashes, dots) or ISO → ISO; anything else → null. */
export function parseViDate(s: string): string | null {
  const t = s.trim();
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(t);
  const vi = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(t);
  const [y, m, d] = iso
    ? [Number(iso[1]), Number(iso[2]), Number(iso[3])]
    : vi
      ? [Number(vi[3]), Number(vi[2]), Number(vi[1])]
      : [0, 0, 0];
  if (!y) return null;
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return null;
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

const folded = (s: string) =>
  s
    .trim()
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd');

function parseGender(s: string): 'male' | 'female' | undefined {
  const g = folded(s);
  if (['nam', 'male', 'm'].includes(g)) return 'male';
  if (['nu', 'female', 'f'].includes(g)) return 'female';
  return undefined;
}

/**
 * Rows copied from Excel arrive as tab-separated lines in the column order of the form: họ tên,
 * ngày sinh, giới tính, CCCD, SĐT. A leading STT column (a number) and a header line are skipped;
 * a cell that cannot be read is left empty for the officer to fill in.
 */
export function parsePastedRows(text: string): PersonRow[] {
  const out: PersonRow[] = [];
  for (const line of text.split(/\r?\n/)) {
    let cells = line.split('\t').map((c) => c.trim());
    if (cells.every((c) => c === '')) continue;
    if (/^\d{1,4}$/.test(cells[0] ?? '') && cells.length > 1) cells = cells.slice(1);
    const [name = '', birth = '', gender = '', cccd = '', phone = ''] = cells;
    const birthDate = parseViDate(birth);
    // A header line ("Họ và tên | Ngày sinh | …") has no date in the date column.
    if (!birthDate && cells.some((c) => /\b(ten|ngay sinh|cccd)\b/.test(folded(c)))) continue;
    out.push({
      ...emptyRow(),
      fullName: name,
      birthDate,
      gender: parseGender(gender),
      cccd: cccd.replace(/[\s.]/g, ''),
      phone: phone || undefined,
    });
  }
  return out;
}

export type RowIssues = { errors: Map<string, string[]>; warnings: Map<string, string[]> };

/**
 * Splits the server's issues by row of the sent list: `people.N.field` → row N (of the rows sent,
 * which `sentIndex` maps back to the row on screen) and field; anything else stays for the form.
 */
export function issuesByRow(
  issues: { path: string; message: string }[],
  sentIndex: number[],
  kind: 'errors' | 'warnings' = 'errors',
): { rows: Map<number, RowIssues>; other: { path: string; message: string }[] } {
  const rows = new Map<number, RowIssues>();
  const other: { path: string; message: string }[] = [];
  for (const issue of issues) {
    const m = /^people\.(\d+)(?:\.(\w+))?/.exec(issue.path);
    const screenRow = m ? sentIndex[Number(m[1])] : undefined;
    if (!m || screenRow === undefined) {
      other.push(issue);
      continue;
    }
    const entry = rows.get(screenRow) ?? { errors: new Map(), warnings: new Map() };
    const field = m[2] ?? 'fullName';
    const bucket = entry[kind];
    bucket.set(field, [...(bucket.get(field) ?? []), issue.message]);
    rows.set(screenRow, entry);
  }
  return { rows, other };
}

/**
 * Server messages name rows by their position in the request ("people.2.cccd"); people count from one
 * and know the row by its number on screen, so "people.2.cccd" reads "dòng 3".
 */
export function humanisePaths(message: string, sentIndex: number[], rowLabel: (n: number) => string): string {
  // "ở dòng people.0" (the server's own wording) must not become "ở dòng dòng 1".
  return message.replace(/(?:dòng\s+)?people\.(\d+)(?:\.\w+)?/g, (whole, i: string) => {
    const screen = sentIndex[Number(i)];
    return screen === undefined ? whole : rowLabel(screen + 1);
  });
}
