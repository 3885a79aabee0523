/** The endpoints the mini program calls (SPEC §5), each parsed with the shared schemas. */
import {
  inspectionSchema,
  jwksSchema,
  myInspectionsResponse,
  ratingSchema,
  scanResponse,
  sessionResponse,
  type Inspection,
  type RatingInput,
  type ScanResponse,
} from '@inspection-code/shared';
import { request } from './request';

export type InspectionView = Inspection;
export type DepartmentView = Inspection['departments'][number];
export type ScanView = ScanResponse;

export const api = {
  devLogin: (creditCode: string) =>
    request({
      method: 'POST',
      path: '/auth/dev-login',
      body: { role: 'enterprise', subject: creditCode },
      schema: sessionResponse,
      auth: false,
    }),
  wechatLogin: (code: string) => request({ method: 'POST', path: '/auth/wechat', body: { code }, schema: sessionResponse, auth: false }),
  bind: (creditCode: string, bindingCode: string) =>
    request({ method: 'POST', path: '/me/binding', body: { creditCode, bindingCode }, schema: sessionResponse }),
  keys: () => request({ method: 'GET', path: '/keys', schema: jwksSchema, auth: false }),
  scan: (qrContent: string, auth = true) => request({ method: 'POST', path: '/scan', body: { qrContent }, schema: scanResponse, auth }),
  myInspections: () => request({ method: 'GET', path: '/me/inspections', schema: myInspectionsResponse }),
  inspection: (codeNo: string) => request({ method: 'GET', path: `/inspections/${encodeURIComponent(codeNo)}`, schema: inspectionSchema }),
  rate: (codeNo: string, rating: RatingInput) =>
    request({ method: 'POST', path: `/inspections/${encodeURIComponent(codeNo)}/ratings`, body: rating, schema: ratingSchema }),
};
