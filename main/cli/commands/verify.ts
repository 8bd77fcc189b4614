import { printRefusal, printValue } from '../output';
import type { CliCommand } from '../command';

const PROBLEM_TR: Record<string, string> = {
  HASH_MISMATCH: 'olayın içeriği değiştirilmiş',
  PREV_MISMATCH: 'önceki olay değiştirilmiş, silinmiş ya da yer değiştirmiş',
  SEQ_GAP: 'sıra numarası eksik ya da karışık (silinmiş olay)',
  HEAD_MISMATCH: 'son olaylar silinmiş ya da zincir başı oynatılmış',
};

export const verifyCommand: CliCommand = {
  name: 'verify',
  summary: {
    tr: 'Defter zincirini baştan sona doğrular ve durumu olaylardan yeniden kurup karşılaştırır.',
    en: 'Walks the ledger chain and rebuilds the state from the events to compare.',
  },
  usage: 'verify [--user KULLANICI]',
  async run(ctx) {
    const signed = await ctx.signIn();
    if (!signed.ok) return printRefusal(ctx.io, signed);
    const r = await ctx.call('ledger.verify', {});
    await ctx.call('auth.logout', {});
    if (!r.ok) return printRefusal(ctx.io, r);
    const v = r.value;
    printValue(ctx.io, v, () => {
      const lines = [
        `Zincir: ${v.chain.ok ? 'SAĞLAM' : 'BOZUK'} (${v.chain.checked} olay denetlendi, baş #${v.chain.headSeq})`,
        `Durum tabloları: ${v.replay.ok ? 'olaylarla uyumlu' : 'olaylarla UYUMSUZ'}`,
      ];
      if (v.chain.firstBad) lines.push(`İlk bozuk olay: #${v.chain.firstBad.seq} (${PROBLEM_TR[v.chain.firstBad.problem] ?? v.chain.firstBad.problem})`);
      for (const [t, x] of Object.entries(v.replay.tables)) if (x.mismatches) lines.push(`  ${t}: ${x.mismatches} satır uyuşmuyor`);
      if (v.decisions) {
        lines.push(`Kararlar: ${v.decisions.checked} karar kayıtlı paketle yeniden verildi, ${v.decisions.differences.length ? `${v.decisions.differences.length} FARKLI` : 'hepsi aynı'}${v.decisions.erased ? ` (${v.decisions.erased} silinmiş kayıt atlandı)` : ''}`);
        for (const d of v.decisions.differences) lines.push(`  ${d.registrationNo} (${d.randevuNo}): kayıtlı ${d.recorded} → şimdi ${d.now} [${d.pack}]`);
      }
      return lines.join('\n');
    });
    return v.ok ? 0 : 1;
  },
};
