import pkg from '../package.json' with { type: 'json' };

/** The desk app's version (package.json), bundled into the build. */
export const APP_VERSION: string = pkg.version;
