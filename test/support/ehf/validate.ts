import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/**
 * Checks EHF documents with the official rules in ../shared/peppol-bis-billing-3: the UBL 2.1 XSD
 * (xmllint, Debian libxml2-utils) and the CEN EN 16931 and Peppol BIS 3.0 Schematron (compiled to
 * XSLT 2 by schematron-xslt2.xsl over Debian python3-lxml's ISO skeleton, run by Saxon-HE from
 * Debian libsaxonhe-java). `.ci/run` installs the three packages.
 */
const repoRoot = path.resolve(import.meta.dirname, '../../..');
export const PEPPOL = path.join(repoRoot, '..', 'shared', 'peppol-bis-billing-3');
const SAXON = '/usr/share/java/Saxon-HE.jar';
const COMPILER = path.join(import.meta.dirname, 'schematron-xslt2.xsl');
const SCHEMATRONS = ['CEN-EN16931-UBL.sch', 'PEPPOL-EN16931-UBL.sch'];

export type Problem = { rule: string; flag: string; text: string; source: string };
export type Verdict = { file: string; xsdErrors: string[]; fatal: Problem[]; warnings: Problem[] };

function saxon(args: string[]) {
  return execFileSync('java', ['-jar', SAXON, ...args], {
    stdio: ['ignore', 'pipe', 'pipe'],
    maxBuffer: 1 << 28,
  });
}

/** The compiled stylesheet of one .sch file, cached in the temp folder by the content of both inputs. */
function compiled(sch: string): string {
  const source = path.join(PEPPOL, 'sch', sch);
  const key = createHash('sha256')
    .update(fs.readFileSync(source))
    .update(fs.readFileSync(COMPILER))
    .digest('hex')
    .slice(0, 16);
  const out = path.join(os.tmpdir(), `bedriftsbillett-schematron-${key}-${sch}.xsl`);
  if (!fs.existsSync(out)) {
    const partial = `${out}.${process.pid}.tmp`;
    saxon([`-s:${source}`, `-xsl:${COMPILER}`, `-o:${partial}`]);
    fs.renameSync(partial, out);
  }
  return out;
}

function xsdErrors(file: string): string[] {
  const root = /<(Invoice|CreditNote)\b/.exec(fs.readFileSync(file, 'utf8'))?.[1] ?? 'Invoice';
  const xsd = path.join(PEPPOL, 'ubl-2.1-xsd', 'maindoc', `UBL-${root}-2.1.xsd`);
  try {
    execFileSync('xmllint', ['--noout', '--schema', xsd, file], { stdio: ['ignore', 'pipe', 'pipe'] });
    return [];
  } catch (error) {
    const stderr = String((error as { stderr?: Buffer }).stderr ?? error);
    return stderr.split('\n').filter((l) => l.trim() !== '' && !l.endsWith('fails to validate'));
  }
}

function problems(svrl: string, source: string): Problem[] {
  const out: Problem[] = [];
  const re =
    /<svrl:(?:failed-assert|successful-report)\b([^>]*)>([\s\S]*?)<\/svrl:(?:failed-assert|successful-report)>/g;
  for (const m of svrl.matchAll(re)) {
    const attr = (name: string) => new RegExp(`${name}="([^"]*)"`).exec(m[1]!)?.[1] ?? '';
    const text = /<svrl:text>([\s\S]*?)<\/svrl:text>/.exec(m[2]!)?.[1]?.trim() ?? '';
    out.push({ rule: attr('id'), flag: attr('flag'), text, source });
  }
  return out;
}

/** Validates the given XML texts (name → XML) against the XSD and both Schematron files. */
export function validateEhf(documents: Record<string, string>): Record<string, Verdict> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ehf-'));
  const input = path.join(dir, 'in');
  fs.mkdirSync(input);
  for (const [name, xml] of Object.entries(documents)) fs.writeFileSync(path.join(input, `${name}.xml`), xml);
  const verdicts: Record<string, Verdict> = {};
  for (const name of Object.keys(documents)) {
    verdicts[name] = {
      file: name,
      xsdErrors: xsdErrors(path.join(input, `${name}.xml`)),
      fatal: [],
      warnings: [],
    };
  }
  for (const sch of SCHEMATRONS) {
    const output = path.join(dir, sch);
    fs.mkdirSync(output);
    // One Saxon run per rule set for all documents (a folder in, a folder out).
    saxon([`-s:${input}`, `-xsl:${compiled(sch)}`, `-o:${output}`]);
    for (const name of Object.keys(documents)) {
      const svrl = fs.readFileSync(path.join(output, `${name}.xml`), 'utf8');
      if (!svrl.includes('<svrl:fired-rule'))
        throw new Error(`${sch} fired no rule on ${name}: the check ran on nothing`);
      for (const p of problems(svrl, sch))
        (p.flag === 'fatal' ? verdicts[name]!.fatal : verdicts[name]!.warnings).push(p);
    }
  }
  fs.rmSync(dir, { recursive: true, force: true });
  return verdicts;
}
