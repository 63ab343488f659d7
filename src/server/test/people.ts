/**
 * People for admission tests. Identity numbers follow the rule in shared/domain/union-rules.md §5
 * (province, gender + century, birth year, 6 digits) and are unique within a test process.
 */
let seq = Math.floor(Math.random() * 500_000);

export function cccd(gender: 'male' | 'female', birthYear: number, province = '079'): string {
  const digit = Math.floor((birthYear - 1900) / 100) * 2 + (gender === 'female' ? 1 : 0);
  return `${province}${digit}${String(birthYear % 100).padStart(2, '0')}${String(seq++ % 1_000_000).padStart(6, '0')}`;
}

/** One person of an admission decision: male, born 12/05/1990 unless `extra` says otherwise, with a matching CCCD. */
export function person(fullName: string, extra: Record<string, unknown> = {}) {
  const gender = (extra.gender as 'male' | 'female' | undefined) ?? 'male';
  const birthDate = (extra.birthDate as string | undefined) ?? '1990-05-12';
  return { fullName, gender, birthDate, cccd: cccd(gender, Number(birthDate.slice(0, 4))), ...extra };
}
