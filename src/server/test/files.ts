import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import type { Client, TestEnv } from './harness.js';

/** Real files for import tests: an .xlsx written by ExcelJS, sent as a browser would (multipart). */
export async function writeXlsx(dir: string, name: string, rows: unknown[][], merges: string[] = []): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Danh sách');
  for (const r of rows) ws.addRow(r);
  for (const m of merges) ws.mergeCells(m);
  const file = path.join(dir, name);
  await wb.xlsx.writeFile(file);
  return file;
}

export function multipartBody(file: string, fields: Record<string, string>) {
  const boundary = `----dv${Date.now()}`;
  const parts: Buffer[] = [];
  for (const [k, v] of Object.entries(fields)) {
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
  }
  parts.push(
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${path.basename(file)}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
    ),
  );
  parts.push(fs.readFileSync(file));
  parts.push(Buffer.from(`\r\n--${boundary}--\r\n`));
  return { body: Buffer.concat(parts), contentType: `multipart/form-data; boundary=${boundary}` };
}

export async function uploadFile(env: TestEnv, c: Client, url: string, file: string, fields: Record<string, string>) {
  const { body, contentType } = multipartBody(file, fields);
  const r = await env.app.inject({
    method: 'POST',
    url,
    headers: { cookie: c.cookie, 'x-csrf-token': c.csrf, 'content-type': contentType },
    payload: body,
  });
  return Object.assign(r, { data: JSON.parse(r.body) });
}
