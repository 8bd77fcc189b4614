import fs from 'node:fs';
import path from 'node:path';

/** Writes a small project (relative path → text) under `root`: the checkers' tests show on one what each rule or finding catches. */
export function writeProject(root: string, files: Record<string, string>): void {
  for (const [rel, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
    fs.writeFileSync(path.join(root, rel), text);
  }
}
