/**
 * The framework's ceiling: a bare Koa + @koa/router route that parses a body like a scan request
 * and returns a document like a scan answer, with no crypto and no database. Run as its own process.
 */
import { bodyParser } from '@koa/bodyparser';
import Router from '@koa/router';
import Koa from 'koa';

const answer = JSON.parse(process.env.BASELINE_ANSWER ?? '{"verdict":"valid"}');
const app = new Koa();
const router = new Router();
router.post('/api/scan', (ctx) => {
  const body = ctx.request.body as { qrContent?: unknown };
  if (typeof body?.qrContent !== 'string') ctx.throw(400);
  ctx.body = answer;
});
app.use(bodyParser());
app.use(router.routes());
const server = app.listen(Number(process.env.PORT), '127.0.0.1', () => console.log(`baseline listening on ${process.env.PORT}`));
process.on('SIGTERM', () => server.close(() => process.exit(0)));
