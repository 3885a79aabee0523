/**
 * The API base URL, fixed at build time (config/index.ts): `/api` on h5 (same origin as the page),
 * `TARO_APP_API_BASE` on weapp (a request domain registered for the mini program).
 */
export const API_BASE: string = process.env.TARO_APP_API_BASE || '/api';

/** Minutes a phone's clock may be off when a code's validity is checked offline (SPEC §4). */
export const OFFLINE_LEEWAY_SECONDS = 300;
