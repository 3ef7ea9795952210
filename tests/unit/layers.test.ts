// The layers hold (README.md, "Layers"): ESLint, with this project's own configuration, refuses an import that
// reaches up a floor and one that closes a circle, and lets the imports the code has pass.
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint({ cwd: process.cwd() });

/** The rules broken by `code` as if it were the file at `filePath`. */
async function broken(code: string, filePath: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return result!.messages.map((m) => `${m.ruleId}: ${m.message}`);
}

describe('the layers, as npm run lint holds them', { timeout: 60_000 }, () => {
  it('the domain may not import the browser wrappers, the service worker or the record-page script', async () => {
    for (const [path, spec] of [
      ['lib/time/calendar.ts', '../browser/database'],
      ['lib/views/overview.ts', '../background/handlers'],
      ['lib/records/derive.ts', '../page/detector'],
    ]) {
      const found = await broken(`import * as up from '${spec}';\nexport const reached = up;\n`, path!);
      expect(found.join('\n')).toMatch(/import-x\/no-restricted-paths: .*The domain/);
    }
  });

  it('pure lib/ may not read the database or the sync, and the database may not import the sync above it', async () => {
    expect((await broken(`export * from '../db/escalations';\n`, 'lib/views/up.ts')).join('\n')).toMatch(
      /no-restricted-paths: .*Pure lib\//,
    );
    expect((await broken(`export * from '../sync/engine';\n`, 'lib/team/up.ts')).join('\n')).toMatch(/no-restricted-paths: .*Pure lib\//);
    expect((await broken(`export * from '../sync/apply';\n`, 'lib/db/up.ts')).join('\n')).toMatch(
      /no-restricted-paths: .*below the team sync/,
    );
  });

  it('lib/ may not import a component, and a component may not open the database', async () => {
    expect((await broken(`export * from '../../components/shared/Field';\n`, 'lib/views/up.ts')).join('\n')).toMatch(
      /no-restricted-paths: .*never imports a component/,
    );
    expect((await broken(`export * from '../../lib/db/escalations';\n`, 'components/shared/Up.tsx')).join('\n')).toMatch(
      /no-restricted-paths: .*do not open the database/,
    );
  });

  it('an import that closes a circle is refused; a type-only one is not counted', async () => {
    // lib/time/timer.ts imports lib/time/format.ts, so format importing timer back closes a circle.
    const circle = `import { timeLeft } from './timer';\nexport const again = timeLeft;\n`;
    expect((await broken(circle, 'lib/time/format.ts')).join('\n')).toMatch(/import-x\/no-cycle: Dependency cycle/);
    const typeOnly = `import type { TimeLeft } from './timer';\nexport type Again = TimeLeft;\n`;
    expect(await broken(typeOnly, 'lib/time/format.ts')).toEqual([]);
  });

  it('an import that points down passes', async () => {
    expect(await broken(`import { londonDay } from '../time/calendar';\nexport const day = londonDay;\n`, 'lib/views/down.ts')).toEqual([]);
  });
});
