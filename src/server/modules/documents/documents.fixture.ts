import yauzl from 'yauzl';

/** The parts of a .docx as text, by name (word/document.xml, word/header1.xml…): what the structure tests read. */
export function docxParts(buf: Buffer): Promise<Map<string, string>> {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(buf, { lazyEntries: true }, (err, zip) => {
      if (err || !zip) return reject(err);
      const out = new Map<string, string>();
      zip.on('entry', (entry: yauzl.Entry) => {
        zip.openReadStream(entry, (e, stream) => {
          if (e || !stream) return reject(e);
          const chunks: Buffer[] = [];
          stream.on('data', (c: Buffer) => chunks.push(c));
          stream.on('end', () => {
            out.set(entry.fileName, Buffer.concat(chunks).toString('utf8'));
            zip.readEntry();
          });
        });
      });
      zip.on('end', () => resolve(out));
      zip.on('error', reject);
      zip.readEntry();
    });
  });
}

export type Para = { xml: string; text: string; pPr: string };

/** Each w:p of a part with its text (the w:t runs joined) and its paragraph properties. */
export function paragraphs(xml: string): Para[] {
  return [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map(([p]) => ({
    xml: p,
    text: [...p.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => xmlText(m[1] ?? '')).join(''),
    pPr: /<w:pPr>[\s\S]*?<\/w:pPr>/.exec(p)?.[0] ?? '',
  }));
}

const xmlText = (s: string) =>
  s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');

/** The one paragraph whose text is exactly (or, with a RegExp, matches) `want`; throws naming it otherwise. */
export function para(all: Para[], want: string | RegExp): Para {
  const found = all.filter((p) => (typeof want === 'string' ? p.text === want : want.test(p.text)));
  if (found.length !== 1)
    throw new Error(`${found.length} paragraphs match ${want}: ${all.map((p) => p.text).join(' | ')}`);
  return found[0] as Para;
}

/** The run properties of a paragraph's first run: font, size in half-points, bold, italic. */
export function runStyle(p: Para) {
  const rPr = /<w:r>\s*<w:rPr>([\s\S]*?)<\/w:rPr>/.exec(p.xml)?.[1] ?? '';
  return {
    font: /<w:rFonts [^>]*w:ascii="([^"]+)"/.exec(rPr)?.[1] ?? null,
    size: Number(/<w:sz w:val="(\d+)"/.exec(rPr)?.[1] ?? 0) / 2,
    bold: /<w:b(?: w:val="(?:true|1|on)")?\/>/.test(rPr),
    italics: /<w:i(?: w:val="(?:true|1|on)")?\/>/.test(rPr),
  };
}
