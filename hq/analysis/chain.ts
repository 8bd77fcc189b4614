import type { ChainRow } from '../database/queries/analysis';
import { fill } from '../../main/texts';
import { HQ } from '../texts/cli';

type ChainFlag = 'HEAD_RETURNED' | 'HEAD_CONTENT_DIFFERS' | 'CONFLICT';

interface ChainEntry extends ChainRow {
  flags: { code: ChainFlag; tr: string; en: string }[];
}

interface DeskChain {
  province_code: string;
  desk_code: string;
  entries: ChainEntry[];
  rolledBack: boolean;
}

/**
 * Reads each desk's `Defter Zinciri Başı` day after day. The head is a hash, so "older" is
 * known when a head that was already passed comes back: a worked day whose head is the head
 * of an earlier day although a different head came in between means the ledger went back
 * (a restored backup, a copied ledger). Two files of one day with the same head but different
 * rows are the other sign: the same ledger state cannot give two sets of rows. A second file
 * for a day already loaded is shown as a conflict. Days with no desk work (nothing arrived or
 * decided) are listed but not compared: their head may legitimately be an old import event.
 */
export function deskChains(rows: ChainRow[]): DeskChain[] {
  const byDesk = new Map<string, ChainRow[]>();
  for (const r of rows) {
    const k = `${r.province_code}|${r.desk_code}`;
    const list = byDesk.get(k);
    if (list) list.push(r);
    else byDesk.set(k, [r]);
  }
  const out: DeskChain[] = [];
  for (const list of byDesk.values()) {
    const entries: ChainEntry[] = [];
    // Heads of worked days in order, with the day each was first seen.
    const seen = new Map<string, { day: string; index: number }>();
    const worked: string[] = [];
    for (const r of list) {
      const e: ChainEntry = { ...r, flags: [] };
      const sameDay = entries.filter((x) => x.day === r.day);
      if (r.status === 'CONFLICT') {
        const first = sameDay.find((x) => x.status === 'LOADED');
        e.flags.push({ code: 'CONFLICT', ...fill(HQ.chainFlags.conflict, first?.file_name ?? '?') });
      }
      const twin = sameDay.find((x) => x.chain_head === r.chain_head && x.content_sha256 !== r.content_sha256);
      if (twin) e.flags.push({ code: 'HEAD_CONTENT_DIFFERS', ...fill(HQ.chainFlags.headContentDiffers, twin.file_name) });
      if (r.worked) {
        const before = seen.get(r.chain_head);
        const last = worked[worked.length - 1];
        if (before && before.day !== r.day && last !== undefined && last !== r.chain_head) {
          e.flags.push({ code: 'HEAD_RETURNED', ...fill(HQ.chainFlags.headReturned, before.day) });
        }
        if (!before) seen.set(r.chain_head, { day: r.day, index: worked.length });
        worked.push(r.chain_head);
      }
      entries.push(e);
    }
    out.push({ province_code: list[0]!.province_code, desk_code: list[0]!.desk_code, entries, rolledBack: entries.some((e) => e.flags.some((f) => f.code !== 'CONFLICT')) });
  }
  return out;
}
