import { describe, expect, it } from 'vitest';
import { checkAttachmentType, sniff } from './file-types.js';

const bytes = (...b: number[]) => Uint8Array.from(b);
const text = (s: string) => new TextEncoder().encode(s);
const PNG = bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0);
const ZIP = bytes(0x50, 0x4b, 0x03, 0x04, 20, 0);
const OLE = bytes(0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1);
const PE = Uint8Array.from([...text('MZ'), ...new Array(62).fill(0)]);

describe('attachment types', () => {
  it('recognises the allowed kinds by their first bytes', () => {
    expect(sniff(PNG)).toBe('png');
    expect(sniff(bytes(0xff, 0xd8, 0xff, 0xe0))).toBe('jpeg');
    expect(sniff(text('%PDF-1.7'))).toBe('pdf');
    expect(sniff(ZIP)).toBe('zip');
    expect(sniff(OLE)).toBe('ole');
    expect(sniff(text('level=error msg="timeout"\n'))).toBe('text');
    expect(sniff(bytes(0, 1, 2, 3))).toBeNull();
  });

  it('calls Windows, Linux and macOS programs executables, but not text that happens to start with MZ or BM', () => {
    expect(sniff(PE)).toBe('executable');
    expect(sniff(bytes(0x7f, 0x45, 0x4c, 0x46, 2, 1))).toBe('executable');
    expect(sniff(bytes(0xcf, 0xfa, 0xed, 0xfe))).toBe('executable');
    expect(sniff(text('MZ-1234 failed to start'))).toBe('text');
    expect(sniff(text('BMW telemetry export'))).toBe('text');
  });

  it('accepts files whose type, extension and content agree', () => {
    expect(checkAttachmentType('shot.png', 'image/png', PNG)).toEqual({ ok: true, contentType: 'image/png' });
    expect(checkAttachmentType('server.log', 'text/plain', text('boot ok'))).toEqual({ ok: true, contentType: 'text/plain' });
    expect(checkAttachmentType('rows.csv', 'text/csv; charset=utf-8', text('a,b'))).toEqual({ ok: true, contentType: 'text/csv' });
    expect(checkAttachmentType('Q3.xlsx', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', ZIP).ok).toBe(true);
    expect(checkAttachmentType('old.doc', 'application/msword', OLE).ok).toBe(true);
    expect(checkAttachmentType('bundle.zip', 'application/x-zip-compressed', ZIP)).toEqual({ ok: true, contentType: 'application/zip' });
  });

  it('takes the type from the extension when the client sends a generic one', () => {
    expect(checkAttachmentType('trace.json', 'application/octet-stream', text('{}'))).toEqual({
      ok: true,
      contentType: 'application/json',
    });
    expect(checkAttachmentType('photo.jpg', null, bytes(0xff, 0xd8, 0xff, 0xdb))).toEqual({ ok: true, contentType: 'image/jpeg' });
    expect(checkAttachmentType('mystery', 'application/octet-stream', text('hi')).ok).toBe(false);
  });

  it('refuses types off the list, a program under any name, and content that is not what it claims', () => {
    expect(checkAttachmentType('setup.exe', 'application/x-msdownload', PE)).toMatchObject({ ok: false, detected: 'executable' });
    expect(checkAttachmentType('cute.png', 'image/png', PE)).toMatchObject({ ok: false, reason: 'the content is a program' });
    expect(checkAttachmentType('notes.txt', 'text/plain', PE)).toMatchObject({ ok: false });
    expect(checkAttachmentType('report.pdf', 'application/pdf', PNG)).toMatchObject({
      ok: false,
      reason: 'the content is not application/pdf',
    });
    expect(checkAttachmentType('logo.svg', 'image/svg+xml', text('<svg/>'))).toMatchObject({ ok: false });
    expect(checkAttachmentType('page.html', 'text/html', text('<script>'))).toMatchObject({ ok: false });
    expect(checkAttachmentType('evil.exe', 'image/png', PNG)).toMatchObject({
      ok: false,
      reason: 'the extension .exe does not fit image/png',
    });
    expect(checkAttachmentType('data.bin', 'text/plain', bytes(0, 159, 146, 150))).toMatchObject({ ok: false });
  });
});
