import { afterAll, beforeAll, describe } from 'vitest';
import { testEngines } from './engines';
import { createTestApp, type TestApp } from './test-app';

/**
 * Runs a suite once per database engine (TEST_ENGINES), with one fresh product per suite.
 * Use `app()` inside tests to reach it.
 */
export function describeEachEngine(
  name: string,
  suite: (app: () => TestApp) => void,
  options: { now?: string; env?: Record<string, string> } = {},
) {
  for (const engine of testEngines()) {
    describe(`${name} [${engine}]`, () => {
      let testApp: TestApp | undefined;
      beforeAll(async () => {
        testApp = await createTestApp(engine, options);
      });
      afterAll(async () => {
        await testApp?.close();
      });
      suite(() => {
        if (!testApp) throw new Error('test app not ready');
        return testApp;
      });
    });
  }
}
