/**
 * The desks stand in buildings in China: local days (pass numbers, the end-of-day close, date
 * searches, deny-list expiry) are Beijing days whatever zone the test machine is set to.
 * Imported first by helpers.ts; Node picks up a changed TZ for every Date made afterwards.
 */
process.env.TZ = 'Asia/Shanghai';
