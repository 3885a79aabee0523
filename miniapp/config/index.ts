import path from 'node:path';
import { defineConfig, type UserConfigExport } from '@tarojs/cli';
import { AnalyzePlugin } from './analyze';

const sharedSource = path.resolve(__dirname, '../../shared/src');

// The weapp appid comes from configuration; Taro writes TARO_APP_ID into dist/weapp/project.config.json.
process.env.TARO_APP_ID = process.env.TARO_APP_WEAPP_APPID || process.env.TARO_APP_ID || 'touristappid';

// On weapp the API lives on another host (a WeChat "request domain"); on h5 it is the same origin.
const apiBase = process.env.TARO_ENV === 'h5' ? '/api' : process.env.TARO_APP_API_BASE || 'https://jcm.example.cn/api';

/**
 * `@inspection-code/shared` is TypeScript outside `src/`: resolve its `source` export condition
 * (and `.js` specifiers to `.ts`), and let Taro's babel rule compile it (`compile.include`).
 * The noble curves are compiled too so mini program runtimes get ES2017 syntax around the BigInts.
 */
const noble = (file: string) => /[\\/]node_modules[\\/]@noble[\\/]/.test(file);
const compile = { include: [sharedSource, noble] };

/**
 * npm keeps `@tarojs/plugin-framework-react` in miniapp/node_modules (its optional `vite@^4` peer
 * clashes with vitest's vite at the root), where the hoisted `@tarojs/taro-h5` cannot see it:
 * look there too.
 */
const ownModules = path.resolve(__dirname, '../node_modules');

function resolveShared(chain: any) {
  chain.resolve.merge({ conditionNames: ['source', '...'], extensionAlias: { '.js': ['.ts', '.js'] } });
  chain.resolve.modules.add('node_modules').add(ownModules);
}

export default defineConfig(() => {
  const config: UserConfigExport<'webpack5'> = {
    projectName: 'inspection-code-miniapp',
    date: '2026-1-1',
    designWidth: 750,
    deviceRatio: { 640: 2.34 / 2, 750: 1, 375: 2, 828: 1.81 / 2 },
    sourceRoot: 'src',
    outputRoot: `dist/${process.env.TARO_ENV}`,
    plugins: [],
    defineConstants: {
      'process.env.TARO_APP_API_BASE': JSON.stringify(apiBase),
    },
    framework: 'react',
    compiler: { type: 'webpack5', prebundle: { enable: false } },
    cache: { enable: false },
    logger: { quiet: false, stats: false },
    mini: {
      compile,
      webpackChain: resolveShared,
      // The app bundle stays small; no source maps ship to WeChat.
      enableSourceMap: false,
      postcss: {
        pxtransform: { enable: true, config: {} },
        cssModules: { enable: false, config: { namingPattern: 'module', generateScopedName: '[name]__[local]___[hash:base64:5]' } },
      },
    },
    h5: {
      compile,
      webpackChain(chain: any) {
        resolveShared(chain);
        // One bundle, no lazily loaded page chunks: once the app has loaded, every page opens
        // without network, which offline verification needs.
        chain.module.set('parser', { javascript: { dynamicImportMode: 'eager' } });
        if (process.env.ANALYZE) chain.plugin('analyze').use(AnalyzePlugin);
      },
      publicPath: '/',
      staticDirectory: 'static',
      useHtmlComponents: true,
      router: { mode: 'hash' },
      enableSourceMap: false,
      output: { filename: 'js/[name].[contenthash:8].js', chunkFilename: 'js/[name].[contenthash:8].js' },
      miniCssExtractPluginOption: {
        ignoreOrder: true,
        filename: 'css/[name].[contenthash:8].css',
        chunkFilename: 'css/[name].[contenthash:8].css',
      },
      postcss: {
        autoprefixer: { enable: true, config: {} },
        cssModules: { enable: false, config: { namingPattern: 'module', generateScopedName: '[name]__[local]___[hash:base64:5]' } },
      },
    },
  };
  return config;
});
