import fs from 'node:fs';
import path from 'node:path';

export type Candidate = { kind: 'pair'; xlsx: string; sig: string } | { kind: 'missing'; file: string } | { kind: 'orphanSig'; sig: string };

const DAY_FILE = /^MUTABAKAT_.*\.xlsx$/;

/**
 * What `load FOLDER|FILES…` names: every MUTABAKAT_*.xlsx in a folder (not its subfolders) or
 * given by path, each with `<name>.sig` beside it; a `.sig` whose .xlsx is absent is named too.
 * The list is sorted by name (province, desk, day), so a run loads days in order.
 */
export function findCandidates(args: string[]): { candidates: Candidate[]; ignored: number } {
  const xlsx = new Set<string>();
  const sigs = new Set<string>();
  const missing: string[] = [];
  let ignored = 0;
  for (const a of args) {
    const p = path.resolve(a);
    let st: fs.Stats;
    try {
      st = fs.statSync(p);
    } catch {
      missing.push(p);
      continue;
    }
    if (st.isDirectory()) {
      for (const f of fs.readdirSync(p)) {
        if (DAY_FILE.test(f)) xlsx.add(path.join(p, f));
        else if (/^MUTABAKAT_.*\.xlsx\.sig$/.test(f)) sigs.add(path.join(p, f));
        else ignored++;
      }
    } else if (p.endsWith('.sig')) sigs.add(p);
    else xlsx.add(p);
  }
  const candidates: Candidate[] = [];
  for (const x of xlsx) candidates.push({ kind: 'pair', xlsx: x, sig: `${x}.sig` });
  for (const s of sigs) if (!xlsx.has(s.slice(0, -4))) candidates.push(fs.existsSync(s.slice(0, -4)) ? { kind: 'pair', xlsx: s.slice(0, -4), sig: s } : { kind: 'orphanSig', sig: s });
  for (const m of missing) candidates.push({ kind: 'missing', file: m });
  const key = (c: Candidate) => path.basename(c.kind === 'pair' ? c.xlsx : c.kind === 'orphanSig' ? c.sig : c.file);
  candidates.sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
  return { candidates, ignored };
}
