import { describe, expect, it } from 'vitest';
import type { TestWaitQuery, TestWaitResult } from '../../../../src/shared/setup.js';
import { curlForTest, fixStepOf, manualWaitSince, waitForTest } from './testWait.js';

const answer = (outcome: TestWaitResult['outcome']): TestWaitResult => ({ outcome, eventId: null, path: null, rejectionId: null, waitedMs: 0, message: '', diagnosis: [] });

describe('waiting for the test event', () => {
  it('asks again while nothing arrived, within its own deadline, and stops at the first real answer', async () => {
    let clock = 0;
    const asked: TestWaitQuery[] = [];
    const answers = [answer('nothing'), answer('nothing'), answer('wrong_secret')];
    const result = await waitForTest(
      async (query) => {
        asked.push(query);
        clock += query.timeoutMs ?? 0;
        return answers.shift()!;
      },
      '2026-03-10T12:00:00.000Z',
      120_000,
      () => false,
      () => clock,
    );
    expect(result?.outcome).toBe('wrong_secret');
    expect(asked.map((q) => q.timeoutMs)).toEqual([25_000, 25_000, 25_000]);
    expect(asked.every((q) => q.since === '2026-03-10T12:00:00.000Z')).toBe(true);
  });

  it('gives up with "nothing" at the deadline, the last poll shortened to fit', async () => {
    let clock = 0;
    const asked: number[] = [];
    const result = await waitForTest(
      async (query) => {
        asked.push(query.timeoutMs ?? 0);
        clock += query.timeoutMs ?? 0;
        return answer('nothing');
      },
      'x',
      45_000,
      () => false,
      () => clock,
    );
    expect(result?.outcome).toBe('nothing');
    expect(asked).toEqual([25_000, 20_000]);
  });

  it('stops quietly when the page is left', async () => {
    let left = false;
    const result = await waitForTest(async () => ((left = true), answer('nothing')), 'x', 45_000, () => left);
    expect(result).toBeNull();
  });

  it('points at the step that fixes what was found', () => {
    expect(fixStepOf('nothing')).toBe('reachability');
    expect(fixStepOf('wrong_secret')).toBe('simplyprint');
    expect(fixStepOf('wrong_path')).toBe('simplyprint');
    expect(fixStepOf('refused_other')).toBeNull();
  });

  it('gives a LAN sender a test envelope to POST, with the secret header when there is one', () => {
    const command = curlForTest('http://192.168.1.20:13000/api/v1/simplyprint/webhook', 's3cret');
    expect(command).toContain("-H 'X-SP-Secret: s3cret'");
    expect(command).toContain('"event":"test"');
    expect(curlForTest('http://192.168.1.20:13000/api/v1/simplyprint/webhook', null)).not.toContain('X-SP-Secret');
  });
});

describe('where a manual wait starts looking', () => {
  const now = Date.parse('2026-03-10T12:00:10.000Z');
  it('a second before the instructions appeared, for a quick press on the panel', () => {
    expect(manualWaitSince(now, 0)).toBe('2026-03-10T12:00:09.000Z');
  });
  it('never before the last result shown, so a refusal already shown does not come back', () => {
    expect(manualWaitSince(now, Date.parse('2026-03-10T12:00:09.600Z'))).toBe('2026-03-10T12:00:09.600Z');
  });
});
