import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A small stand-in for WeChat's code2session endpoint, over real HTTP: codes in `sessions` log
 * in as that openid; anything else gets WeChat's "invalid code" error (40029).
 */
export async function startFakeWechat(appId: string, secret: string) {
  const sessions = new Map<string, string>();
  const requests: URL[] = [];
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    requests.push(url);
    res.setHeader('content-type', 'application/json');
    if (url.pathname !== '/sns/jscode2session') {
      res.statusCode = 404;
      res.end('{}');
      return;
    }
    const q = url.searchParams;
    if (q.get('appid') !== appId || q.get('secret') !== secret || q.get('grant_type') !== 'authorization_code') {
      res.end(JSON.stringify({ errcode: 40013, errmsg: 'invalid appid' }));
      return;
    }
    const openid = sessions.get(q.get('js_code') ?? '');
    res.end(JSON.stringify(openid ? { openid, session_key: 'c2Vzc2lvbg==' } : { errcode: 40029, errmsg: 'invalid code' }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    sessions,
    requests,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
