/**
 * @inspection-code/shared — what the server and the mini program both use.
 * Pure TypeScript: no Node-only, Koa, TypeORM or Taro imports (it runs inside the mini program).
 */
export * from './creditCode.js';
export * from './token.js';
export * from './verify.js';
export * from './schemas.js';
export * from './verdicts.js';
