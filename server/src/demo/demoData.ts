/**
 * 演示数据 (demo data) — the realistic Shanghai reference data set a fresh install is seeded with
 * (SPEC §3).
 *
 * EVERYTHING HERE IS FICTIONAL DEMO DATA. Every enterprise name starts with 【演示】; the officers,
 * their certificate numbers and the enterprises do not exist. The department names are the real
 * Shanghai municipal departments, so that the demo reads naturally, but nothing here speaks for them.
 *
 * Credit codes (统一社会信用代码, GB 32100-2015) are written as a literal 16-character prefix per row:
 *   position 1    registration authority  (9 工商/市场监管, 5 民政)
 *   position 2    entity type             (91 企业, 92 个体工商户, 93 农民专业合作社, 52 民办非企业单位)
 *   positions 3-8 Shanghai division code  (310101 黄浦, 310104 徐汇, 310115 浦东新区, ...)
 *   positions 9-16 organisation-code body (older 8-digit codes, or MA1…/MJ… codes issued since 2015)
 * and {@link withCheckCharacters} appends both check characters (GB 11714 and GB 32100), so
 * every code is valid. The bodies are deterministic (derived from the row number) and use only the
 * code alphabet 0-9 A-Y without I O Z S V.
 *
 * This module is pure data: it has no side effects and touches no database.
 */
import { withCheckCharacters } from '@inspection-code/shared';

export interface DemoData {
  departments: { code: string; name: string }[];
  officers: { certNo: string; name: string; departmentCode: string; active: boolean }[];
  enterprises: {
    creditCode: string;
    name: string;
    kind: 'legal_person' | 'unincorporated' | 'individual_business';
    creditGrade: 'A' | 'B' | 'C' | 'D';
  }[];
  items: { code: string; name: string; departmentCode: string }[];
  scenarios: {
    code: string;
    name: string;
    leadDepartmentCode: string;
    departmentCodes: string[];
    itemCodes: string[];
  }[];
  /** 无感监管对象清单: credit codes of (grade-A) enterprises that planned inspections must leave alone. */
  exemptEnterprises: string[];
  /** 无事不扰事项清单: item codes that planned inspections may not include. */
  exemptItems: string[];
}

/** Prefix every enterprise name carries, so demo rows are unmistakable in any listing. */
export const DEMO_NAME_PREFIX = '【演示】';

export const demoData: DemoData = {
  departments: [
    { code: 'SHSC', name: '上海市市场监督管理局' },
    { code: 'SHYJ', name: '上海市应急管理局' },
    { code: 'SHST', name: '上海市生态环境局' },
    { code: 'SHWJ', name: '上海市卫生健康委员会' },
    { code: 'SHXF', name: '上海市消防救援总队' },
    { code: 'SHZJ', name: '上海市住房和城乡建设管理委员会' },
    { code: 'SHJT', name: '上海市交通委员会' },
    { code: 'SHWL', name: '上海市文化和旅游局' },
  ],

  // 执法证 numbers: 310 + department number (01-08) + 00 + 4-digit sequence. Fictional people.
  officers: [
    // 市场监督管理局
    { certNo: '31001000101', name: '周文涛', departmentCode: 'SHSC', active: true },
    { certNo: '31001000102', name: '陈佳颖', departmentCode: 'SHSC', active: true },
    { certNo: '31001000103', name: '王建华', departmentCode: 'SHSC', active: true },
    { certNo: '31001000104', name: '李晓峰', departmentCode: 'SHSC', active: false },
    // 应急管理局
    { certNo: '31002000101', name: '张立群', departmentCode: 'SHYJ', active: true },
    { certNo: '31002000102', name: '刘思远', departmentCode: 'SHYJ', active: true },
    { certNo: '31002000103', name: '顾海燕', departmentCode: 'SHYJ', active: true },
    { certNo: '31002000104', name: '沈国栋', departmentCode: 'SHYJ', active: true },
    // 生态环境局
    { certNo: '31003000101', name: '徐明轩', departmentCode: 'SHST', active: true },
    { certNo: '31003000102', name: '朱丽萍', departmentCode: 'SHST', active: true },
    { certNo: '31003000103', name: '陆振宇', departmentCode: 'SHST', active: true },
    { certNo: '31003000104', name: '吴静怡', departmentCode: 'SHST', active: true },
    // 卫生健康委员会
    { certNo: '31004000101', name: '孙慧敏', departmentCode: 'SHWJ', active: true },
    { certNo: '31004000102', name: '黄志刚', departmentCode: 'SHWJ', active: true },
    { certNo: '31004000103', name: '钱雅琴', departmentCode: 'SHWJ', active: true },
    { certNo: '31004000104', name: '蒋文斌', departmentCode: 'SHWJ', active: true },
    // 消防救援总队
    { certNo: '31005000101', name: '杨卫东', departmentCode: 'SHXF', active: true },
    { certNo: '31005000102', name: '马骏', departmentCode: 'SHXF', active: true },
    { certNo: '31005000103', name: '许晨阳', departmentCode: 'SHXF', active: true },
    { certNo: '31005000104', name: '邵立新', departmentCode: 'SHXF', active: true },
    // 住房和城乡建设管理委员会
    { certNo: '31006000101', name: '金永良', departmentCode: 'SHZJ', active: true },
    { certNo: '31006000102', name: '曹雪梅', departmentCode: 'SHZJ', active: true },
    { certNo: '31006000103', name: '范德明', departmentCode: 'SHZJ', active: true },
    { certNo: '31006000104', name: '姚红霞', departmentCode: 'SHZJ', active: false },
    // 交通委员会
    { certNo: '31007000101', name: '潘志勇', departmentCode: 'SHJT', active: true },
    { certNo: '31007000102', name: '严凤英', departmentCode: 'SHJT', active: true },
    { certNo: '31007000103', name: '傅俊杰', departmentCode: 'SHJT', active: true },
    // 文化和旅游局
    { certNo: '31008000101', name: '殷晓雯', departmentCode: 'SHWL', active: true },
    { certNo: '31008000102', name: '汤浩然', departmentCode: 'SHWL', active: true },
    { certNo: '31008000103', name: '龚丽华', departmentCode: 'SHWL', active: true },
  ],

  enterprises: [
    // 餐饮服务
    { creditCode: withCheckCharacters('91310115MA182TR5'), name: '【演示】上海浦江餐饮管理有限公司', kind: 'legal_person', creditGrade: 'B' },
    { creditCode: withCheckCharacters('9131010115958822'), name: '【演示】上海外滩小笼餐饮有限公司', kind: 'legal_person', creditGrade: 'A' },
    { creditCode: withCheckCharacters('91310104MA1Q1HEQ'), name: '【演示】上海衡山路咖啡餐饮有限公司徐汇分公司', kind: 'unincorporated', creditGrade: 'B' },
    { creditCode: withCheckCharacters('92310104MA110W9J'), name: '【演示】徐汇区老弄堂面馆', kind: 'individual_business', creditGrade: 'B' },
    { creditCode: withCheckCharacters('92310106MA19084C'), name: '【演示】静安区安义路小吃店', kind: 'individual_business', creditGrade: 'C' },
    { creditCode: withCheckCharacters('9131010921476466'), name: '【演示】上海虹口四川北路餐饮有限公司', kind: 'legal_person', creditGrade: 'B' },
    { creditCode: withCheckCharacters('91310117MA1QXXR0'), name: '【演示】上海松江泗泾农家乐餐饮有限公司', kind: 'legal_person', creditGrade: 'D' },
    { creditCode: withCheckCharacters('92310107MA11X9KR'), name: '【演示】普陀区长寿路烧烤店', kind: 'individual_business', creditGrade: 'B' },
    // 加油站
    { creditCode: withCheckCharacters('9131011525614699'), name: '【演示】上海申浦石油销售有限公司', kind: 'legal_person', creditGrade: 'A' },
    { creditCode: withCheckCharacters('9131011426994110'), name: '【演示】上海嘉定安亭加油站有限公司', kind: 'legal_person', creditGrade: 'B' },
    { creditCode: withCheckCharacters('91310112MA1RUB47'), name: '【演示】上海闵行莘庄能源有限公司', kind: 'legal_person', creditGrade: 'B' },
    { creditCode: withCheckCharacters('91310118MA12TMY1'), name: '【演示】上海青浦朱家角加油站（个人独资企业）', kind: 'unincorporated', creditGrade: 'C' },
    { creditCode: withCheckCharacters('9131012031132343'), name: '【演示】上海奉贤南桥石化经营有限公司', kind: 'legal_person', creditGrade: 'B' },
    // 建筑施工
    { creditCode: withCheckCharacters('9131011032511754'), name: '【演示】上海申城建设工程有限公司', kind: 'legal_person', creditGrade: 'B' },
    { creditCode: withCheckCharacters('9131011533891165'), name: '【演示】上海浦东新城建筑安装工程有限公司', kind: 'legal_person', creditGrade: 'A' },
    { creditCode: withCheckCharacters('91310113MA13Q398'), name: '【演示】上海宝山钢城建设发展有限公司', kind: 'legal_person', creditGrade: 'B' },
    { creditCode: withCheckCharacters('91310112MA1BPE42'), name: '【演示】上海闵行华漕建筑劳务有限公司', kind: 'legal_person', creditGrade: 'C' },
    { creditCode: withCheckCharacters('91310105MA1KNQXU'), name: '【演示】上海长宁虹桥装饰工程有限公司', kind: 'legal_person', creditGrade: 'B' },
    { creditCode: withCheckCharacters('91310116MA1UN4QM'), name: '【演示】上海金山滨海市政工程有限公司', kind: 'legal_person', creditGrade: 'D' },
    // 危险化学品经营、仓储
    { creditCode: withCheckCharacters('9131011640788220'), name: '【演示】上海金山石化物资经营有限公司', kind: 'legal_person', creditGrade: 'B' },
    { creditCode: withCheckCharacters('91310116MA1CLTE9'), name: '【演示】上海漕泾化工贸易有限公司', kind: 'legal_person', creditGrade: 'C' },
    { creditCode: withCheckCharacters('9131012043547042'), name: '【演示】上海奉贤海湾精细化工有限公司', kind: 'legal_person', creditGrade: 'B' },
    { creditCode: withCheckCharacters('91310113MA1WKH3W'), name: '【演示】上海宝山吴淞化学品仓储有限公司', kind: 'legal_person', creditGrade: 'B' },
    { creditCode: withCheckCharacters('91310114MA15JUXN'), name: '【演示】上海南翔化工原料贸易合伙企业（普通合伙）', kind: 'unincorporated', creditGrade: 'C' },
    // 养老机构
    { creditCode: withCheckCharacters('52310104MJ597975'), name: '【演示】上海市徐汇区康乐养老院', kind: 'legal_person', creditGrade: 'A' },
    { creditCode: withCheckCharacters('52310115MJ605894'), name: '【演示】上海市浦东新区颐康敬老院', kind: 'legal_person', creditGrade: 'B' },
    { creditCode: withCheckCharacters('91310106MA1XGXE4'), name: '【演示】上海静安银龄护理院有限公司', kind: 'legal_person', creditGrade: 'B' },
    { creditCode: withCheckCharacters('52310151MJ621732'), name: '【演示】上海市崇明区瀛洲养老服务中心', kind: 'legal_person', creditGrade: 'B' },
    { creditCode: withCheckCharacters('91310110MA1EFL3P'), name: '【演示】上海杨浦福寿长者照护之家有限公司', kind: 'legal_person', creditGrade: 'C' },
    // 医疗机构、医疗美容
    { creditCode: withCheckCharacters('91310105MA1NEYXH'), name: '【演示】上海美妍医疗美容门诊部有限公司', kind: 'legal_person', creditGrade: 'B' },
    { creditCode: withCheckCharacters('91310106MA1YEAQB'), name: '【演示】上海静安丽格医疗美容诊所有限公司', kind: 'legal_person', creditGrade: 'C' },
    { creditCode: withCheckCharacters('91310115MA17DMK5'), name: '【演示】上海仁心中医诊所（个人独资企业）', kind: 'unincorporated', creditGrade: 'B' },
    { creditCode: withCheckCharacters('9131010158720563'), name: '【演示】上海黄浦康桥口腔门诊部有限公司', kind: 'legal_person', creditGrade: 'A' },
    { creditCode: withCheckCharacters('52310105MJ669246'), name: '【演示】上海市长宁区华康社区医院', kind: 'legal_person', creditGrade: 'B' },
    { creditCode: withCheckCharacters('91310112MA10BP3J'), name: '【演示】上海闵行悦颜医疗美容医院有限公司', kind: 'legal_person', creditGrade: 'D' },
    // 商超零售
    { creditCode: withCheckCharacters('92310101MA18B2XC'), name: '【演示】黄浦区南京东路百货店', kind: 'individual_business', creditGrade: 'B' },
    { creditCode: withCheckCharacters('91310105MA1GADQ6'), name: '【演示】上海邻里惠便利超市有限公司长宁分公司', kind: 'unincorporated', creditGrade: 'B' },
    { creditCode: withCheckCharacters('92310110MA1Q9QK0'), name: '【演示】杨浦区五角场鲜果店', kind: 'individual_business', creditGrade: 'B' },
    { creditCode: withCheckCharacters('92310109MA1194DR'), name: '【演示】虹口区多伦路文具店', kind: 'individual_business', creditGrade: 'A' },
    { creditCode: withCheckCharacters('91310117MA198F8K'), name: '【演示】上海松江大学城商贸有限公司', kind: 'legal_person', creditGrade: 'B' },
    // 物流运输、汽车维修
    { creditCode: withCheckCharacters('91310115MA1H7T3D'), name: '【演示】上海洋山港通物流有限公司', kind: 'legal_person', creditGrade: 'B' },
    { creditCode: withCheckCharacters('9131011471135262'), name: '【演示】上海嘉定汽车城货运有限公司', kind: 'legal_person', creditGrade: 'B' },
    { creditCode: withCheckCharacters('9131011372514673'), name: '【演示】上海宝杨危险货物运输有限公司', kind: 'legal_person', creditGrade: 'C' },
    { creditCode: withCheckCharacters('9131010773894084'), name: '【演示】上海普陀真如汽车维修有限公司', kind: 'legal_person', creditGrade: 'B' },
    // 工业制造
    { creditCode: withCheckCharacters('91310117MA1J57DL'), name: '【演示】上海松江九亭电子科技有限公司', kind: 'legal_person', creditGrade: 'A' },
    { creditCode: withCheckCharacters('9131011876652906'), name: '【演示】上海青浦华新服装制造有限公司', kind: 'legal_person', creditGrade: 'B' },
    { creditCode: withCheckCharacters('91310120MA133X38'), name: '【演示】上海奉贤庄行食品有限公司', kind: 'legal_person', creditGrade: 'B' },
    { creditCode: withCheckCharacters('9131011479411728'), name: '【演示】上海嘉定粉末冶金有限公司', kind: 'legal_person', creditGrade: 'C' },
    // 农业合作社、文化娱乐
    { creditCode: withCheckCharacters('93310151MA1K2KPU'), name: '【演示】上海崇明东滩果蔬专业合作社', kind: 'legal_person', creditGrade: 'B' },
    { creditCode: withCheckCharacters('91310106MA1U1YJM'), name: '【演示】上海静安乐声娱乐有限公司', kind: 'legal_person', creditGrade: 'B' },
  ],

  items: [
    // 市场监督管理局
    { code: 'SC-001', name: '食品经营安全检查', departmentCode: 'SHSC' },
    { code: 'SC-002', name: '特种设备使用安全检查', departmentCode: 'SHSC' },
    { code: 'SC-003', name: '产品质量监督检查', departmentCode: 'SHSC' },
    { code: 'SC-004', name: '计量器具（加油机、电子秤）使用检查', departmentCode: 'SHSC' },
    { code: 'SC-005', name: '广告发布行为检查', departmentCode: 'SHSC' },
    // 应急管理局
    { code: 'YJ-001', name: '危险化学品经营许可条件检查', departmentCode: 'SHYJ' },
    { code: 'YJ-002', name: '安全生产主体责任落实检查', departmentCode: 'SHYJ' },
    { code: 'YJ-003', name: '有限空间作业安全检查', departmentCode: 'SHYJ' },
    { code: 'YJ-004', name: '粉尘防爆安全检查', departmentCode: 'SHYJ' },
    { code: 'YJ-005', name: '生产安全事故应急预案检查', departmentCode: 'SHYJ' },
    // 生态环境局
    { code: 'ST-001', name: '排污许可执行情况检查', departmentCode: 'SHST' },
    { code: 'ST-002', name: '加油站油气回收装置运行检查', departmentCode: 'SHST' },
    { code: 'ST-003', name: '危险废物规范化环境管理检查', departmentCode: 'SHST' },
    { code: 'ST-004', name: '餐饮油烟排放检查', departmentCode: 'SHST' },
    { code: 'ST-005', name: '建设项目环保“三同时”检查', departmentCode: 'SHST' },
    // 卫生健康委员会
    { code: 'WJ-001', name: '医疗机构执业资质检查', departmentCode: 'SHWJ' },
    { code: 'WJ-002', name: '医疗美容项目及执业人员检查', departmentCode: 'SHWJ' },
    { code: 'WJ-003', name: '公共场所卫生检查', departmentCode: 'SHWJ' },
    { code: 'WJ-004', name: '养老机构医疗卫生服务检查', departmentCode: 'SHWJ' },
    { code: 'WJ-005', name: '职业病危害防治检查', departmentCode: 'SHWJ' },
    // 消防救援总队
    { code: 'XF-001', name: '消防安全责任制落实检查', departmentCode: 'SHXF' },
    { code: 'XF-002', name: '建筑消防设施运行检查', departmentCode: 'SHXF' },
    { code: 'XF-003', name: '疏散通道和安全出口检查', departmentCode: 'SHXF' },
    { code: 'XF-004', name: '用火用电用气安全检查', departmentCode: 'SHXF' },
    { code: 'XF-005', name: '人员密集场所消防安全检查', departmentCode: 'SHXF' },
    // 住房和城乡建设管理委员会
    { code: 'ZJ-001', name: '建筑施工现场安全生产检查', departmentCode: 'SHZJ' },
    { code: 'ZJ-002', name: '建筑工地扬尘污染防治检查', departmentCode: 'SHZJ' },
    { code: 'ZJ-003', name: '建筑起重机械安全检查', departmentCode: 'SHZJ' },
    { code: 'ZJ-004', name: '建设工程质量检查', departmentCode: 'SHZJ' },
    { code: 'ZJ-005', name: '燃气使用安全检查', departmentCode: 'SHZJ' },
    // 交通委员会
    { code: 'JT-001', name: '道路货物运输经营资质检查', departmentCode: 'SHJT' },
    { code: 'JT-002', name: '危险货物道路运输安全检查', departmentCode: 'SHJT' },
    { code: 'JT-003', name: '机动车维修经营检查', departmentCode: 'SHJT' },
    { code: 'JT-004', name: '道路运输车辆动态监控检查', departmentCode: 'SHJT' },
    { code: 'JT-005', name: '机动车驾驶员培训机构经营检查', departmentCode: 'SHJT' },
    // 文化和旅游局
    { code: 'WL-001', name: '娱乐场所经营检查', departmentCode: 'SHWL' },
    { code: 'WL-002', name: '旅行社经营行为检查', departmentCode: 'SHWL' },
    { code: 'WL-003', name: 'A级旅游景区安全检查', departmentCode: 'SHWL' },
    { code: 'WL-004', name: '互联网上网服务营业场所经营检查', departmentCode: 'SHWL' },
    { code: 'WL-005', name: '营业性演出场所安全检查', departmentCode: 'SHWL' },
  ],

  // 综合监管场景: the lead department is always listed first among departmentCodes.
  scenarios: [
    {
      code: 'CJ-01',
      name: '餐饮服务',
      leadDepartmentCode: 'SHSC',
      departmentCodes: ['SHSC', 'SHXF', 'SHST', 'SHZJ'],
      itemCodes: ['SC-001', 'XF-004', 'ST-004', 'ZJ-005'],
    },
    {
      code: 'CJ-02',
      name: '加油站',
      leadDepartmentCode: 'SHYJ',
      departmentCodes: ['SHYJ', 'SHSC', 'SHST', 'SHXF'],
      itemCodes: ['YJ-001', 'SC-004', 'ST-002', 'XF-001'],
    },
    {
      code: 'CJ-03',
      name: '建筑工地',
      leadDepartmentCode: 'SHZJ',
      departmentCodes: ['SHZJ', 'SHST', 'SHXF'],
      itemCodes: ['ZJ-001', 'ZJ-002', 'ZJ-003', 'ST-005', 'XF-004'],
    },
    {
      code: 'CJ-04',
      name: '危险化学品经营',
      leadDepartmentCode: 'SHYJ',
      departmentCodes: ['SHYJ', 'SHST', 'SHXF', 'SHJT'],
      itemCodes: ['YJ-001', 'YJ-005', 'ST-003', 'XF-001', 'JT-002'],
    },
    {
      code: 'CJ-05',
      name: '养老机构',
      leadDepartmentCode: 'SHWJ',
      departmentCodes: ['SHWJ', 'SHXF', 'SHSC'],
      itemCodes: ['WJ-004', 'XF-005', 'SC-001'],
    },
    {
      code: 'CJ-06',
      name: '医疗美容',
      leadDepartmentCode: 'SHWJ',
      departmentCodes: ['SHWJ', 'SHSC'],
      itemCodes: ['WJ-001', 'WJ-002', 'SC-005'],
    },
  ],

  // 无感监管对象清单: three grade-A enterprises (口腔门诊部, 文具店, 电子科技), same prefixes as above.
  exemptEnterprises: [
    withCheckCharacters('9131010158720563'),
    withCheckCharacters('92310109MA1194DR'),
    withCheckCharacters('91310117MA1J57DL'),
  ],

  // 无事不扰事项清单: two low-risk items that are in no scenario.
  exemptItems: ['WL-002', 'JT-005'],
};
