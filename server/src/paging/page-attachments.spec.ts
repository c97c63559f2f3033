import { PAGE_ATTACHMENT_MAX_BYTES } from './page-attachment.entity';
import { attachmentProblems, type PageAttachmentInput } from './pages.service';

describe('attachmentProblems', () => {
  const pdf = (over: Partial<PageAttachmentInput> = {}): PageAttachmentInput => ({
    filename: 'point-de-situation-002.pdf',
    contentType: 'application/pdf',
    content: Buffer.from('%PDF-1.3'),
    ...over,
  });
  it.each<[string, PageAttachmentInput[], string[]]>([
    ['a PDF', [pdf()], []],
    ['no attachment', [], []],
    ['a name with a path', [pdf({ filename: '../etc/passwd.pdf' })], ['attachments.0.filename']],
    ['a name without extension', [pdf({ filename: 'rapport' })], ['attachments.0.filename']],
    ['a header injection in the type', [pdf({ contentType: 'application/pdf\r\nX: y' })], ['attachments.0.contentType']],
    ['an empty file', [pdf({ content: Buffer.alloc(0) })], ['attachments.0.content']],
    ['one file too large', [pdf({ content: Buffer.alloc(PAGE_ATTACHMENT_MAX_BYTES + 1) })], ['attachments.0.content', 'attachments']],
    [
      'two files too large together',
      [pdf({ content: Buffer.alloc(PAGE_ATTACHMENT_MAX_BYTES / 2 + 1) }), pdf({ content: Buffer.alloc(PAGE_ATTACHMENT_MAX_BYTES / 2) })],
      ['attachments'],
    ],
  ])('%s', (_, attachments, paths) => {
    expect(attachmentProblems(attachments).map((p) => p.path)).toEqual(paths);
  });
});
