import { execFile } from 'node:child_process';

/**
 * The text of a PDF, page by page, through poppler's `pdftotext` (Debian package poppler-utils,
 * installed by .ci/run): a real parser, so a malformed file fails the test. Pages are separated
 * by form feeds in pdftotext's output.
 */
export async function pdfPages(pdf: Buffer): Promise<string[]> {
  if (pdf.subarray(0, 5).toString('latin1') !== '%PDF-') throw new Error('not a PDF');
  const text = await new Promise<string>((resolve, reject) => {
    const child = execFile(
      'pdftotext',
      ['-layout', '-enc', 'UTF-8', '-', '-'],
      { maxBuffer: 64 * 1024 * 1024, encoding: 'utf8' },
      (error, stdout, stderr) =>
        error ? reject(new Error(`pdftotext: ${stderr || error.message}`)) : resolve(stdout),
    );
    child.stdin?.end(pdf);
  });
  const pages = text.split('\f');
  if (pages.at(-1)?.trim() === '') pages.pop();
  return pages;
}

/** The whole text of a PDF. */
export async function pdfText(pdf: Buffer): Promise<string> {
  return (await pdfPages(pdf)).join('\n');
}
