export { startServer, type RunningServer, type StartOptions } from './server.js';
export { routes } from './routes.js';
export type { Services } from './services.js';
