/**
 * The new part of a reply mail: what the sender wrote above the quoted conversation. Cuts at an
 * attribution line ("On Tue, 3 Mar 2026 at 10:00, Ann <ann@x.com> wrote:", which mail clients
 * may wrap over two lines) or an Outlook "-----Original Message-----" divider, and drops lines
 * quoted with ">". When nothing is left (a mail that is all quote), the full text is kept, so no
 * words are lost.
 */
export function stripQuotedReply(text: string): string {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  const kept: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!.trim();
    if (/^-{2,}\s*Original Message\s*-{2,}$/i.test(line)) break;
    if (/^On\b.*\bwrote:$/.test(line)) break;
    if (/^On\b/.test(line) && /\bwrote:$/.test((lines[i + 1] ?? '').trim()) && !/^>/.test(lines[i + 1] ?? '')) break;
    if (line.startsWith('>')) continue;
    kept.push(lines[i]!);
  }
  const stripped = kept.join('\n').trim();
  return stripped || text.trim();
}
