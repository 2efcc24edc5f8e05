import { describe, expect, it } from 'vitest';
import { compareVersions, DESK_COMPATIBILITY, DESK_SCHEMA_VERSION, outsideWindow } from '../../shared/sync/version.js';
import { feedToYaml, parseFeedYaml } from '../../shared/sync/updateFeed.js';
import { installRefusal, newerRelease } from '../../electron/update/policy.js';

const sha = `${'A'.repeat(86)}==`;

describe('version policy (issue 19)', () => {
  it('semver order, pre-releases before their release', () => {
    const sorted = ['0.10.0', '0.2.0', '0.2.0-pilot.2', '0.2.0-pilot.10', '1.0.0', '0.1.9'].sort(compareVersions);
    expect(sorted).toEqual(['0.1.9', '0.2.0-pilot.2', '0.2.0-pilot.10', '0.2.0', '0.10.0', '1.0.0']);
    expect(() => compareVersions('latest', '0.1.0')).toThrow(/Not a version/);
  });

  it('the window is declared: a migration alone does not push desks out of it', () => {
    const w = DESK_COMPATIBILITY;
    expect(w.maxSchemaVersion).toBe(DESK_SCHEMA_VERSION);
    expect(outsideWindow(w, DESK_SCHEMA_VERSION)).toBeNull();
    expect(outsideWindow(w, w.minSchemaVersion, w.minAppVersion)).toBeNull();
    expect(outsideWindow(w, w.minSchemaVersion - 1)).toMatch(
      /too old for HQ.*install the current desk release.*keeps its records queued/,
    );
    expect(outsideWindow(w, DESK_SCHEMA_VERSION + 1)).toMatch(/newer than HQ.*update HQ first/);
    const raised = { ...w, minAppVersion: '0.3.0' };
    expect(outsideWindow(raised, DESK_SCHEMA_VERSION, '0.2.9')).toMatch(/app 0\.2\.9\) is too old/);
    expect(outsideWindow(raised, DESK_SCHEMA_VERSION)).toBeNull(); // a desk that does not say its version
  });

  it('takes only a newer release, installs only between shifts with no call in flight', () => {
    expect(newerRelease({ version: '0.2.0' }, '0.1.0')).toBe(true);
    expect(newerRelease({ version: '0.2.0' }, '0.2.0')).toBe(false);
    expect(newerRelease({ version: '0.2.0' }, '0.3.0-pilot.1')).toBe(false);
    expect(installRefusal({ ready: true, shiftOpen: true, callsInFlight: 0 })).toBe('shift_open');
    expect(installRefusal({ ready: true, shiftOpen: false, callsInFlight: 2 })).toBe('busy');
    expect(installRefusal({ ready: false, shiftOpen: false, callsInFlight: 0 })).toBe('nothing_ready');
    expect(installRefusal({ ready: true, shiftOpen: false, callsInFlight: 0 })).toBeNull();
  });

  it('the feed round-trips in electron-updater layout; a broken one is refused with the reason', () => {
    const feed = {
      version: '0.2.0',
      files: [{ url: "LobbyDesk Setup 0.2.0's.exe", sha512: sha, size: 123 }],
      path: "LobbyDesk Setup 0.2.0's.exe",
      sha512: sha,
      releaseDate: '2026-12-02T17:00:00.000Z',
    };
    expect(parseFeedYaml(feedToYaml(feed))).toEqual(feed);
    expect(() => parseFeedYaml(feedToYaml(feed).replace(/sha512: A+==\n(?!.*sha512)/s, 'sha512: short\n'))).toThrow(/sha512/);
    expect(() => parseFeedYaml('version: 0.2.0\n')).toThrow(/files|path/);
    expect(() => parseFeedYaml(feedToYaml({ ...feed, path: '../evil.exe' }))).toThrow();
  });
});
