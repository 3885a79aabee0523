import { resolve } from 'node:path';
import qrcode from 'qrcode-terminal';
import { ConfigError, loadConfig } from '@inspection-code/config';
import { issueDemoCode } from './demo/demoCode.js';
import { seedDemoData } from './demo/seed.js';
import { startServer } from './server.js';

async function main() {
  const config = loadConfig({ H5_DIR: resolve(import.meta.dirname, '../../miniapp/dist/h5'), ...process.env });
  const server = await startServer(config);
  const { services } = server;
  console.log(`检查码 Inspection Code listening on ${server.url}  (database: ${config.database.kind === 'sqlite' ? config.database.file : 'MySQL'})`);
  console.log(`API document: ${server.url}/api/openapi.json   dev login: ${config.devLogin ? 'on' : 'off'}`);
  if (config.seedDemo) {
    if (await seedDemoData(services)) console.log('Seeded the Shanghai demo data set (all names marked 【演示】).');
    const code = await issueDemoCode(services);
    console.log(`\nDemo code ${code.codeNo} for ${code.enterprise.name} (${code.enterprise.creditCode}), valid until ${code.validTo}:`);
    console.log(code.qrContent);
    qrcode.generate(code.qrContent, { small: true }, (qr) => console.log(qr));
    console.log(`Try it:  curl -s ${server.url}/api/scan -H 'content-type: application/json' -d '{"qrContent":"${code.qrContent}"}'\n`);
  }
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`${signal}: finishing in-flight requests, then stopping.`);
    const force = setTimeout(() => process.exit(1), config.shutdownGraceMs);
    force.unref();
    server.close().then(() => process.exit(0), () => process.exit(1));
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
}

main().catch((err) => {
  console.error(err instanceof ConfigError ? err.message : err);
  process.exit(1);
});
