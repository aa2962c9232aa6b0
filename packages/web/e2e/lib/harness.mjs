// Tiny sequential test harness: no framework, one line per test, a summary line at the end.
const tests = [];

export function test(name, fn) {
  tests.push({ name, fn });
}

export class AssertionError extends Error {}

export function assert(cond, message) {
  if (!cond) throw new AssertionError(message);
}

export function assertEqual(actual, expected, message) {
  const a = JSON.stringify(actual);
  const e = JSON.stringify(expected);
  if (a !== e) throw new AssertionError(`${message}\n      expected: ${e}\n      actual:   ${a}`);
}

export async function runAll({ onFailure } = {}) {
  let passed = 0;
  let failed = 0;
  // E2E_ONLY=regex runs only the tests whose name matches (for working on one screen; tests that rely on
  // an earlier test's data must be selected with it).
  const only = process.env.E2E_ONLY ? new RegExp(process.env.E2E_ONLY, 'i') : null;
  for (const t of tests) {
    if (only && !only.test(t.name)) continue;
    const started = Date.now();
    try {
      await t.fn();
      passed++;
      console.log(`  ✓ ${t.name} (${Date.now() - started} ms)`);
    } catch (err) {
      failed++;
      console.log(
        `  ✗ ${t.name} (${Date.now() - started} ms)\n      ${String(err?.stack ?? err)
          .split('\n')
          .slice(0, 6)
          .join('\n      ')}`,
      );
      await onFailure?.(t.name, err);
    }
  }
  return { passed, failed };
}
