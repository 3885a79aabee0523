/** `ANALYZE=1 npm run build:h5` prints the 30 largest packages in the bundle (sizes before minification). */
export class AnalyzePlugin {
  apply(compiler: any) {
    compiler.hooks.done.tap('analyze', (stats: any) => {
      const json = stats.toJson({ modules: true, chunks: false, assets: false });
      const sizes: Record<string, number> = {};
      for (const m of json.modules ?? []) {
        const name = String(m.name).replace(/^.*node_modules\/((@[^/]+\/)?[^/]+).*$/, '$1');
        sizes[name] = (sizes[name] ?? 0) + (m.size ?? 0);
      }
      console.log(
        Object.entries(sizes)
          .sort((a, b) => b[1] - a[1])
          .slice(0, 30)
          .map(([n, v]) => `${v}\t${n}`)
          .join('\n'),
      );
    });
  }
}
