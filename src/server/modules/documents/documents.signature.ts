import { AlignmentType, LineRuleType, Paragraph, TableRow } from 'docx';
import { centred, run, SIZE, TEXT_WIDTH } from './documents.format.js';
import { cell, layoutTable } from './documents.header.js';

export type SignatureTexts = {
  /** The authority line and the position, one per line: ["TM. BAN THƯỜNG VỤ", "CHỦ TỊCH"]. */
  authority: string[];
  /** The signer's name, without titles before it; null leaves the space for it blank. */
  name: string | null;
  /** The recipients as stored ("LĐLĐ tỉnh (b/c)", …, "Lưu: VT"). */
  recipients: string[];
};

/** Left: "Nơi nhận:" and the list; right: the signature, its centre roughly under the Quốc hiệu's. */
export const SIGNATURE_COLUMNS = [4300, TEXT_WIDTH - 4300] as const;

/**
 * "TM. BAN THƯỜNG VỤ / CHỦ TỊCH" and a position ("Chủ tịch") as the lines of the block, in capitals; the
 * position is not repeated when the authority line already ends with it.
 */
export function authorityLines(authority: string | null, position: string | null): string[] {
  const lines = (authority ?? '')
    .split('/')
    .map((s) => s.trim().toLocaleUpperCase('vi'))
    .filter(Boolean);
  const pos = position?.trim().toLocaleUpperCase('vi');
  if (pos && lines.at(-1) !== pos) lines.push(pos);
  return lines;
}

/**
 * The recipients as the decree lists them: "- LĐLĐ tỉnh (b/c);" one a line, the archive last ending with a
 * full stop ("- Lưu: VT, BTC."); a list without its archive entry gets "Lưu: VT".
 */
export function recipientLines(recipients: string[]): string[] {
  const clean = recipients
    .map((r) =>
      r
        .trim()
        .replace(/^[-–•]\s*/, '')
        .replace(/[;.,]+$/, ''),
    )
    .filter(Boolean);
  const isArchive = (r: string) => /^lưu\b/i.test(r);
  const archive = clean.filter(isArchive);
  const others = clean.filter((r) => !isArchive(r));
  const last = archive.length ? archive.join(', ').replace(/^lưu\s*:?\s*/i, 'Lưu: ') : 'Lưu: VT';
  return [...others.map((r) => `- ${r};`), `- ${last}.`];
}

/**
 * The signature and "Nơi nhận" as a two-column borderless table: "Nơi nhận:" (12 pt bold italic) flush left
 * on the line of the authority, the list (11 pt) under it; on the right the authority and position in
 * bold capitals, the space for the signature and seal, and the signer's name in bold.
 */
export function signatureTable(s: SignatureTexts) {
  const [left, right] = SIGNATURE_COLUMNS;
  const leftParas = [
    new Paragraph({
      alignment: AlignmentType.LEFT,
      spacing: { before: 0, after: 0, line: 240, lineRule: LineRuleType.AUTO },
      children: [run('Nơi nhận:', { size: SIZE.recipientsTitle, bold: true, italics: true })],
    }),
    ...recipientLines(s.recipients).map(
      (r) =>
        new Paragraph({
          alignment: AlignmentType.LEFT,
          spacing: { before: 0, after: 0, line: 240, lineRule: LineRuleType.AUTO },
          children: [run(r, { size: SIZE.recipients })],
        }),
    ),
  ];
  const rightParas = [
    ...s.authority.map((a) => centred(a, { size: SIZE.authority, bold: true })),
    // Room for the signature and the seal: four empty lines.
    ...Array.from({ length: 4 }, () => centred('', { size: SIZE.signerName })),
    centred(s.name ?? '', { size: SIZE.signerName, bold: true }),
  ];
  return layoutTable(SIGNATURE_COLUMNS, [
    new TableRow({ cantSplit: true, children: [cell(left, leftParas), cell(right, rightParas)] }),
  ]);
}
