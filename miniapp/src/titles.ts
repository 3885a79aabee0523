/** Page titles. Kept free of imports: page config files read them at build time. */
export const TITLES = {
  app: '检查码',
  home: '检查码',
  result: '核验结果',
  rate: '扫码评价',
  complaints: '我的评价与投诉',
  login: '登录',
  bind: '绑定企业',
} as const;
