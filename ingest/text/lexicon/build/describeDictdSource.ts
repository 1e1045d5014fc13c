import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';

/**
 * Where an installed FreeDict dictionary comes from, read from the files its Debian package
 * installs: the package version (first line of `changelog.Debian.gz`), the licence of the pair
 * (its `Files: <pair>/*` stanza in `copyright`), and the edition the dictionary states itself.
 */

export type DictdSource = { packageVersion: string; licence: string; edition: string };

/** `docDir` is the package's /usr/share/doc folder; `info` the dictionary's 00databaseinfo entry. */
export async function describeDictdSource(docDir: string, pair: string, info: string): Promise<DictdSource> {
  const changelog = gunzipSync(await readFile(join(docDir, 'changelog.Debian.gz'))).toString('utf8');
  const packageVersion = /^\S+ \(([^)]+)\)/.exec(changelog)?.[1];
  if (!packageVersion) throw new Error(`${docDir}/changelog.Debian.gz: no "package (version)" on its first line`);
  const copyright = await readFile(join(docDir, 'copyright'), 'utf8');
  const stanza = copyright.split(/\n\s*\n/).find((s) => s.split('\n').some((line) => line.trim() === `Files: ${pair}/*`));
  const licence = stanza && /^License:\s*(\S+)/m.exec(stanza)?.[1];
  if (!licence) throw new Error(`${docDir}/copyright: no "Files: ${pair}/*" stanza with a License line`);
  const edition = /^\s*Edition:\s*(\S+)/m.exec(info)?.[1] ?? /\bver\. (\S+)/.exec(info)?.[1];
  if (!edition) throw new Error(`${pair}: the dictionary's 00databaseinfo entry states no edition`);
  return { packageVersion, licence, edition };
}
