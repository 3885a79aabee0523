/// <reference types="@tarojs/taro" />

declare module '*.css';

declare namespace NodeJS {
  interface ProcessEnv {
    TARO_ENV: 'weapp' | 'h5';
    /** Set at build time (config/index.ts): the API base URL. */
    TARO_APP_API_BASE?: string;
  }
}
