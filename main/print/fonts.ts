/**
 * The Roboto faces bundled with pdfmake, read from disk once per process and kept in
 * pdfmake's in-memory file system. Every PDF then embeds them from memory: no per-document
 * disk reads, and (with the access policies in engine.ts) no way for a document to reach
 * the network or the file system.
 */
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import pdfmake, { type FontFamily } from 'pdfmake';
// pdfmake's own descriptor of where its Roboto files are (resolved by Node relative to the
// installed package), so nothing here guesses node_modules' layout.
import robotoFiles from 'pdfmake/fonts/Roboto.js';

export const FONT_FAMILY = 'Roboto';
/** A prefix of our own so that no other user of pdfmake's virtual file system collides. */
const VIRTUAL_DIR = 'masa-print-fonts/';
const STYLES = ['normal', 'bold', 'italics', 'bolditalics'] as const;

// pdfmake's virtual file system is one per process, and the font files never change: loaded once.
let family: FontFamily | null = null;

function loadOnce(): FontFamily {
  if (family) return family;
  const loaded = {} as FontFamily;
  for (const style of STYLES) {
    const path = robotoFiles.Roboto[style];
    const name = VIRTUAL_DIR + basename(path);
    if (!pdfmake.virtualfs.existsSync(name)) pdfmake.virtualfs.writeFileSync(name, readFileSync(path));
    loaded[style] = name;
  }
  family = loaded;
  return family;
}

/**
 * A fresh descriptor each call: pdfmake rewrites descriptor fields while resolving URLs,
 * and a shared object would carry one document's state into the next.
 */
export function embeddedFonts(): Record<string, FontFamily> {
  return { [FONT_FAMILY]: { ...loadOnce() } };
}
