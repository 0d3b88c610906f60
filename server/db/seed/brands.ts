/**
 * Brand dictionary for the catalogue search (so "gree" finds 格力 and 格力 finds GREE). `name` is the brand
 * as printed on Chinese labels and in the catalogue; `latinName` is its Latin-script name, null when the
 * name is already Latin.
 */
export interface BrandEntry {
  name: string
  latinName: string | null
}

export const BRANDS: BrandEntry[] = [
  // Household appliances
  { name: '格力', latinName: 'GREE' },
  { name: '美的', latinName: 'Midea' },
  { name: '海尔', latinName: 'Haier' },
  { name: '卡萨帝', latinName: 'Casarte' },
  { name: '海尔统帅', latinName: 'Leader' },
  { name: '海信', latinName: 'Hisense' },
  { name: 'TCL', latinName: null },
  { name: '长虹', latinName: 'Changhong' },
  { name: '创维', latinName: 'Skyworth' },
  { name: '小米', latinName: 'Xiaomi' },
  { name: '奥克斯', latinName: 'AUX' },
  { name: '志高', latinName: 'Chigo' },
  { name: '容声', latinName: 'Ronshen' },
  { name: '美菱', latinName: 'Meiling' },
  { name: '西门子', latinName: 'Siemens' },
  { name: '博世', latinName: 'Bosch' },
  { name: '松下', latinName: 'Panasonic' },
  { name: '索尼', latinName: 'Sony' },
  { name: '小天鹅', latinName: 'LittleSwan' },
  { name: '格兰仕', latinName: 'Galanz' },
  { name: '苏泊尔', latinName: 'SUPOR' },
  { name: '九阳', latinName: 'Joyoung' },
  { name: '安吉尔', latinName: 'Angel' },
  { name: '沁园', latinName: 'QINYUAN' },
  // Kitchen and gas appliances
  { name: '方太', latinName: 'FOTILE' },
  { name: '老板', latinName: 'ROBAM' },
  { name: '华帝', latinName: 'VATTI' },
  { name: '万和', latinName: 'Vanward' },
  { name: '万家乐', latinName: 'Macro' },
  { name: '林内', latinName: 'Rinnai' },
  { name: '能率', latinName: 'NORITZ' },
  { name: 'A.O.史密斯', latinName: 'A.O.Smith' },
  { name: '樱花', latinName: 'SAKURA' },
  // Furniture and home
  { name: '顾家家居', latinName: 'KUKA' },
  { name: '芝华仕', latinName: 'CHEERS' },
  { name: '慕思', latinName: 'DeRUCCI' },
  { name: '喜临门', latinName: 'Sleemon' },
  { name: '林氏家居', latinName: 'LINSY' },
  { name: '欧派', latinName: 'OPPEIN' },
  { name: '索菲亚', latinName: 'SOGAL' },
  { name: '志邦家居', latinName: 'ZBOM' },
  { name: '金牌厨柜', latinName: 'GOLDENHOME' },
  { name: '箭牌', latinName: 'ARROW' },
  { name: '九牧', latinName: 'JOMOO' },
  { name: '恒洁', latinName: 'HEGII' },
  { name: 'TOTO', latinName: null },
  { name: '科勒', latinName: 'KOHLER' },
  { name: '德施曼', latinName: 'DESSMANN' },
  { name: '凯迪仕', latinName: 'KAADAS' },
  { name: '鹿客', latinName: 'Lockin' },
  { name: '鱼跃', latinName: 'yuwell' },
  { name: '可孚', latinName: 'Cofoe' },
  // Digital
  { name: '华为', latinName: 'HUAWEI' },
  { name: '荣耀', latinName: 'HONOR' },
  { name: 'OPPO', latinName: null },
  { name: 'vivo', latinName: null },
  { name: '苹果', latinName: 'Apple' },
  { name: '联想', latinName: 'Lenovo' },
  { name: '戴尔', latinName: 'Dell' },
  { name: '惠普', latinName: 'HP' },
  { name: '华硕', latinName: 'ASUS' },
  // Cars
  { name: '比亚迪', latinName: 'BYD' },
  { name: '广汽埃安', latinName: 'GAC AION' },
  { name: '广汽传祺', latinName: 'GAC Trumpchi' },
  { name: '小鹏', latinName: 'XPeng' },
  { name: '理想', latinName: 'Li Auto' },
  { name: '特斯拉', latinName: 'Tesla' },
  { name: '吉利', latinName: 'Geely' },
  { name: '长安', latinName: 'Changan' },
  { name: '丰田', latinName: 'Toyota' },
  { name: '本田', latinName: 'Honda' },
  { name: '大众', latinName: 'Volkswagen' },
  { name: '日产', latinName: 'Nissan' },
]

const LATIN_BY_NAME = new Map(BRANDS.map(b => [b.name, b.latinName]))

/** The Latin alias of a brand in the dictionary (null when the name is already Latin or unknown). */
export function brandAliasOf(name: string): string | null {
  return LATIN_BY_NAME.get(name) ?? null
}

export function isKnownBrand(name: string): boolean {
  return LATIN_BY_NAME.has(name)
}
