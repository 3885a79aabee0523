import { fileURLToPath } from 'node:url';
import { defineProject } from 'vitest/config';

const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));

/**
 * Component tests of the pages' logic in jsdom, on the h5 flavour: Taro's components render as
 * React DOM (`@tarojs/components-react`), `.h5.tsx` platform files win, and `@tarojs/taro` is a
 * small shim (src/test/taro.ts) whose requests a test answers.
 */
export default defineProject({
  resolve: {
    alias: [
      { find: /^@tarojs\/components$/, replacement: '@tarojs/components-react' },
      { find: /^@tarojs\/taro$/, replacement: here('./src/test/taro.ts') },
      { find: /^@inspection-code\/shared$/, replacement: here('../shared/src/index.ts') },
    ],
    extensions: ['.h5.tsx', '.h5.ts', '.tsx', '.ts', '.mjs', '.js', '.jsx', '.json'],
  },
  define: {
    'process.env.TARO_ENV': JSON.stringify('h5'),
    'process.env.TARO_APP_API_BASE': JSON.stringify('/api'),
    // Build-time switches of Taro's runtime and components (its webpack plugins define them).
    'process.env.FRAMEWORK': JSON.stringify('react'),
    'process.env.TARO_PLATFORM': JSON.stringify('web'),
    'process.env.SUPPORT_TARO_POLYFILL': JSON.stringify('disabled'),
    DEPRECATED_ADAPTER_COMPONENT: 'false',
    ...Object.fromEntries(
      ['INNER_HTML', 'ADJACENT_HTML', 'SIZE_APIS', 'TEMPLATE_CONTENT', 'CLONE_NODE', 'CONTAINS', 'MUTATION_OBSERVER'].map((f) => [
        `ENABLE_${f}`,
        'true',
      ]),
    ),
  },
  test: {
    name: 'miniapp',
    environment: 'jsdom',
    include: ['src/**/*.test.{ts,tsx}'],
    setupFiles: ['./src/test/setup.ts'],
    css: false,
    server: { deps: { inline: [/@tarojs\//] } },
  },
});
