/**
 * Brand / model-number generators for the demo catalogue (demo-data.ts) and the load-test catalogue
 * (bulk-products.ts). Each category lists the brands that really sell it in China with a generator in that
 * brand's own model-number style (格力 'KFR-35GW/NhAa1BAj', 海尔 'BCD-470WGHTDE9S9', 万和 'JSQ30-16ST39' …)
 * and a filed-price range in yuan. Everything is driven by a seeded PRNG, never Math.random.
 */
import type { products } from '~~/server/db/schema'
import { brandAliasOf } from './brands'
import type { Rng } from './prng'
import { int, pad, pick, weighted } from './prng'

export type ProductInsert = typeof products.$inferInsert

/** A generated model; priceYuan when the model itself fixes the price (phones, cars), else null. */
export interface ModelDraft {
  model: string
  priceYuan: number | null
}

type ModelGen = (r: Rng) => string | ModelDraft

export interface ProductLine {
  brand: string
  /** Relative share of this brand within its category. */
  weight: number
  /** Filed-price range in yuan, used when the generator does not fix the price. */
  priceYuan: readonly [number, number]
  model: ModelGen
}

/**
 * Which labels a category carries: 'energy' China Energy Label grade; 'energy+water' the combined
 * energy/water-efficiency label (washers, dishwashers, gas water heaters — one grade for both); 'water' the
 * China Water Efficiency Label only (water purifiers, sanitary ware); 'none' unlabelled (furniture, digital, cars).
 */
export type LabelScheme = 'energy' | 'energy+water' | 'water' | 'none'

export interface CategoryCatalogue {
  code: string
  labels: LabelScheme
  /** Grade distribution: mostly 1 and 2, some 3, very few worse. */
  gradeWeights: ReadonlyArray<readonly [number, number]>
  /** How many products of this category the demo catalogue shows. */
  demoCount: number
  /** Relative share of this category in the load-test catalogue. */
  bulkWeight: number
  lines: ProductLine[]
}

const APPLIANCE_GRADES = [[1, 50], [2, 33], [3, 14], [4, 2], [5, 1]] as const
const GAS_GRADES = [[1, 58], [2, 32], [3, 10]] as const // GB 30720 / GB 20665 labels have grades 1–3
const WATER_GRADES = [[1, 48], [2, 38], [3, 14]] as const

// ---------------------------------------------------------------------------------------------------------
// Small helpers
// ---------------------------------------------------------------------------------------------------------

type Priced = readonly [string, number]

/** A shop price scaled by a 0..1 position (bigger fridge, bigger screen → dearer), with some noise. */
function scaledPrice(r: Rng, t: number, range: readonly [number, number]): number {
  const [min, max] = range
  return charmYuan(min + (max - min) * (0.75 * t + 0.25 * r()), min, max)
}

function at01<T>(items: readonly T[], item: T): number {
  const i = items.indexOf(item)
  return items.length <= 1 ? 0.5 : Math.max(0, i) / (items.length - 1)
}

/**
 * Retail SKU naming (phones, tablets, watches, computers, cars): "<series> <option> <finish>", where the
 * option adds to the series price; options that would pass maxYuan are not offered.
 */
function sku(series: readonly Priced[], options: readonly Priced[], finishes: readonly string[], maxYuan: number): ModelGen {
  return (r) => {
    const [name, base] = pick(r, series)
    let option = pick(r, options)
    if (base + option[1] > maxYuan) option = options[0] ?? ['', 0]
    const finish = finishes.length > 0 ? pick(r, finishes) : ''
    const model = [name, option[0], finish].filter(part => part !== '').join(' ')
    return { model, priceYuan: base + option[1] }
  }
}

/** Series × trim, trims add to the series price (cars). */
function trims(series: readonly Priced[], options: readonly Priced[], minYuan: number, maxYuan: number): ModelGen {
  return (r) => {
    const [name, base] = pick(r, series)
    let option = pick(r, options)
    if (base + option[1] > maxYuan) option = options[0] ?? ['', 0]
    return { model: `${name} ${option[0]}`.trim(), priceYuan: Math.max(minYuan, base + option[1]) }
  }
}

const GAS_TYPE = ['T', 'T', 'T', 'Y'] as const // JZT / JSQ..(12T) natural gas, JZY liquefied petroleum gas

// ---------------------------------------------------------------------------------------------------------
// Appliances
// ---------------------------------------------------------------------------------------------------------

const FRIDGE_L = [216, 258, 321, 335, 406, 426, 450, 470, 475, 501, 509, 510, 521, 535, 543, 565, 618, 648] as const

function fridge(prefix: (r: Rng, litres: number) => string, range: readonly [number, number], litres: readonly number[] = FRIDGE_L): ModelGen {
  return (r) => {
    const l = pick(r, litres)
    return { model: prefix(r, l), priceYuan: scaledPrice(r, at01(litres, l), range) }
  }
}

const FRIDGES: CategoryCatalogue = {
  code: 'fridge',
  labels: 'energy',
  gradeWeights: APPLIANCE_GRADES,
  demoCount: 24,
  bulkWeight: 10,
  lines: [
    { brand: '海尔', weight: 4, priceYuan: [3299, 12999], model: fridge((r, l) => `BCD-${l}W${pick(r, ['GH', 'LH', 'DC', 'BH', 'GS'])}${pick(r, ['TD', 'FD', 'SS', 'TS', 'SE'])}${pick(r, ['E', 'D', 'B', ''])}${int(r, 1, 9)}${pick(r, ['S9', 'S8', 'SU1', 'U1', 'D9'])}`, [3299, 12999]) },
    { brand: '容声', weight: 3, priceYuan: [2999, 7999], model: fridge((r, l) => `BCD-${l}${pick(r, ['WD', 'WKD', 'WRS'])}${int(r, 11, 19)}${pick(r, ['HP', 'FP', 'MP', 'HPA', 'FPA', 'HPC'])}`, [2999, 7999]) },
    { brand: '美的', weight: 3, priceYuan: [2999, 8999], model: fridge((r, l) => r() < 0.35 ? `BCD-${l}W${pick(r, ['K', 'S', 'T', 'SG', 'U', 'F', 'G'])}${pick(r, ['P', 'PZ', 'PZM'])}${pick(r, ['M', 'Q', ''])}(E)` : `MR-${l}${pick(r, ['W', 'WS', 'WU', 'WT'])}${pick(r, ['SPZE', 'KPZE', 'FPZE', 'GPZE', 'UPZE', 'TPZE'])}${pick(r, ['', '1', '2', '3', '5'])}`, [2999, 8999]) },
    { brand: '西门子', weight: 2, priceYuan: [4999, 12999], model: fridge((r, l) => `BCD-${l}W(K${pick(r, ['A', 'G', 'I', 'M'])}${int(r, 50, 98)}${pick(r, ['NE', 'NV', 'EA', 'HA'])}${int(r, 10, 99)}TI)`, [4999, 12999]) },
    { brand: '美菱', weight: 1, priceYuan: [2999, 5999], model: fridge((r, l) => `BCD-${l}WP${pick(r, ['9C', 'UC', '3C', 'BC', '9B', '3B', 'UD'])}${pick(r, ['X', 'D', 'X1', 'DA', 'D1'])}`, [2999, 5999]) },
    { brand: '卡萨帝', weight: 1, priceYuan: [8999, 12999], model: fridge((r, l) => `BCD-${l}W${pick(r, ['DGX', 'GCT', 'LCD', 'DCP'])}${pick(r, ['DM', 'FP', 'PM'])}${int(r, 1, 9)}${pick(r, ['HJU1', 'DU1', 'WKU1'])}`, [8999, 12999], [501, 550, 620, 650, 701]) },
    { brand: '海信', weight: 2, priceYuan: [2999, 6999], model: fridge((r, l) => `BCD-${l}W${pick(r, ['MK1', 'FK1', 'TD', 'MB1', 'MT', 'WT'])}DP${pick(r, ['J', 'T', 'Q', 'U'])}${pick(r, ['', 'A', 'Q', '2'])}`, [2999, 6999]) },
    { brand: 'TCL', weight: 1, priceYuan: [2999, 5999], model: fridge((r, l) => `R${l}${pick(r, ['T', 'Q', 'V', 'P', 'C'])}${int(r, 3, 9)}-${pick(r, ['UQ', 'U', 'D', 'SQ', 'DQ', 'UG'])}`, [2999, 5999]) },
    { brand: '小米', weight: 1, priceYuan: [2999, 5999], model: fridge((r, l) => `BCD-${l}W${pick(r, ['MS', 'MF', 'MB', 'MD', 'MT'])}${pick(r, ['A', 'B', 'D', 'E'])}${pick(r, ['', '1', '2', '3'])}`, [2999, 5999]) },
    { brand: '松下', weight: 1, priceYuan: [4999, 11999], model: fridge((r, l) => `NR-${pick(r, ['EW', 'EE', 'JW', 'TE'])}${Math.round(l / 10)}${pick(r, ['TGA', 'TXA', 'PGA', 'SGA'])}-${pick(r, ['W', 'S', 'XN'])}`, [4999, 11999]) },
    { brand: '海尔统帅', weight: 1, priceYuan: [2999, 4499], model: fridge((r, l) => `BCD-${l}${pick(r, ['WLD', 'WLH', 'WGH'])}${pick(r, ['PC', 'SS', 'FD'])}${int(r, 1, 9)}${pick(r, ['', 'U1'])}`, [2999, 4499], [216, 258, 321, 335, 406, 426, 450, 470]) },
  ],
}

const WASH_KG = [80, 100, 110, 120] as const

function washer(make: (r: Rng, kg: number) => string, range: readonly [number, number]): ModelGen {
  return (r) => {
    const kg = pick(r, WASH_KG)
    return { model: make(r, kg), priceYuan: scaledPrice(r, at01(WASH_KG, kg), range) }
  }
}

const WASHERS: CategoryCatalogue = {
  code: 'washer',
  labels: 'energy+water',
  gradeWeights: APPLIANCE_GRADES,
  demoCount: 20,
  bulkWeight: 9,
  lines: [
    { brand: '小天鹅', weight: 3, priceYuan: [1999, 7999], model: washer((r, kg) => `T${pick(r, ['G', 'D'])}${kg}${pick(r, ['VT', 'V', 'VC', 'RFT', 'APT'])}${int(r, 80, 99)}${pick(r, ['WMAD5', 'WMADY5', 'WMUIADT5', 'WDY', 'WIAD', 'MIDY'])}`, [1999, 7999]) },
    { brand: '海尔', weight: 3, priceYuan: [1599, 8999], model: washer((r, kg) => r() < 0.5 ? `EG${kg}${pick(r, ['MATE', 'HBD', 'PRO', 'HMATE'])}${int(r, 2, 8)}${int(r, 1, 9)}${pick(r, ['S', 'SU1', 'BU1', 'MAX'])}` : `XQG${kg}-${pick(r, ['BD', 'HBD', 'B'])}${int(r, 12000, 14999)}${pick(r, ['L', 'U1', 'W'])}`, [1599, 8999]) },
    { brand: '美的', weight: 2, priceYuan: [1599, 5999], model: washer((r, kg) => `M${pick(r, ['G', 'D'])}${kg}${pick(r, ['V', 'VT', 'VC', 'T'])}${int(r, 30, 69)}${pick(r, ['WIT', 'WIADY', 'DE', 'T', 'WDY'])}`, [1599, 5999]) },
    { brand: '西门子', weight: 2, priceYuan: [3999, 8999], model: washer(r => `WG${pick(r, [42, 52, 54, 56])}${pick(r, ['A', 'B', 'C', 'D', 'E'])}${int(r, 1, 4)}${pick(r, ['X', 'B', 'A', 'C'])}${int(r, 0, 2)}${pick(r, ['0', 'H'])}W`, [3999, 8999]) },
    { brand: '博世', weight: 1, priceYuan: [3999, 8999], model: washer(r => `W${pick(r, ['GA', 'NA', 'AU', 'GE'])}${int(r, 1, 3)}${pick(r, [4, 5])}${int(r, 0, 9)}${pick(r, ['X', 'Y', 'B'])}${pick(r, ['00', '0E', '60'])}W`, [3999, 8999]) },
    { brand: '松下', weight: 1, priceYuan: [2999, 7999], model: washer((r, kg) => `XQG${kg}-${pick(r, ['N', 'E', 'L', 'S'])}${pick(r, ['D', 'A', 'E'])}${int(r, 10, 19)}${pick(r, ['W', 'X', 'S'])}`, [2999, 7999]) },
    { brand: 'TCL', weight: 1, priceYuan: [1599, 3999], model: washer((r, kg) => `G${kg}${pick(r, ['T', 'C', 'P', 'L', 'V'])}${int(r, 3, 12)}-${pick(r, ['HD', 'B', 'HDI', 'D'])}${pick(r, ['', 'S', 'Y'])}`, [1599, 3999]) },
    { brand: '海尔统帅', weight: 1, priceYuan: [1599, 2999], model: washer((r, kg) => `@G${kg}${pick(r, ['B', 'D', 'L'])}${int(r, 100, 399)}${pick(r, ['', 'S', 'W'])}`, [1599, 2999]) },
  ],
}

const TV_IN = [43, 50, 55, 65, 75, 85, 98, 100] as const

function tv(make: (r: Rng, inch: number) => string, range: readonly [number, number], sizes: readonly number[] = TV_IN): ModelGen {
  return (r) => {
    const inch = pick(r, sizes)
    return { model: make(r, inch), priceYuan: scaledPrice(r, at01(sizes, inch), range) }
  }
}

const TVS: CategoryCatalogue = {
  code: 'tv',
  labels: 'energy',
  gradeWeights: APPLIANCE_GRADES,
  demoCount: 22,
  bulkWeight: 9,
  lines: [
    { brand: '海信', weight: 3, priceYuan: [1999, 19999], model: tv((r, i) => `${pick(r, ['', '', 'HZ'])}${i}${pick(r, ['E3', 'E5', 'E7', 'E8', 'U7', 'U8', 'A6', 'A7'])}${pick(r, ['N', 'K', 'M', 'H', 'G', 'F', 'D'])}${pick(r, ['', '', ' Pro', '-PRO', 'D', ' Mini'])}`, [1999, 19999]) },
    { brand: 'TCL', weight: 3, priceYuan: [1999, 19999], model: tv((r, i) => `${i}${pick(r, ['Q', 'T', 'V', 'C', 'X', 'P'])}${int(r, 6, 12)}${pick(r, ['K', 'L', 'H', 'G', 'M'])}${pick(r, ['', '', ' Pro', '-MAX'])}`, [1999, 19999]) },
    { brand: '创维', weight: 2, priceYuan: [1999, 12999], model: tv((r, i) => `${i}${pick(r, ['A', 'G', 'Q', 'S'])}${int(r, 3, 9)}${pick(r, ['D', 'E', 'F', 'H', 'K'])}${pick(r, ['', '', ' Pro', ' MAX'])}`, [1999, 12999]) },
    { brand: '小米', weight: 2, priceYuan: [1999, 9999], model: tv((r, i) => r() < 0.3 ? `Redmi ${pick(r, ['A', 'X', 'MAX '])}${i} ${pick(r, ['2024', '2025', '2026'])}${pick(r, ['', ' Pro', ' 竞技版'])}` : `L${i}${pick(r, ['M', 'R'])}${pick(r, ['A', 'B', 'C', '9', '8', '7'])}-${pick(r, ['S', 'SP', 'SM', 'RA', 'EA', 'A2', 'MA', 'SR', 'EP'])}`, [1999, 9999], [43, 50, 55, 65, 75, 85, 100]) },
    { brand: '长虹', weight: 1, priceYuan: [1999, 8999], model: tv((r, i) => `${i}${pick(r, ['D', 'Q', 'U', 'A'])}${int(r, 5, 10)}${pick(r, ['', ' MAX', 'ART', 'P', 'K', 'R', ' PRO'])}`, [1999, 8999], [43, 50, 55, 65, 75, 85]) },
    { brand: '索尼', weight: 1, priceYuan: [4999, 19999], model: tv((r, i) => `${pick(r, ['XR', 'KD', 'K'])}-${i}${pick(r, ['X', 'XR', 'A'])}${int(r, 70, 95)}${pick(r, ['K', 'L', 'J', 'M'])}`, [4999, 19999], [55, 65, 75, 85, 98]) },
  ],
}

const AC_WALL = [26, 32, 35, 50] as const
const AC_FLOOR = [51, 72, 75] as const

function ac(wall: (r: Rng, kw: number) => string, floor: (r: Rng, kw: number) => string, range: readonly [number, number]): ModelGen {
  return (r) => {
    if (r() < 0.75) {
      const kw = pick(r, AC_WALL)
      return { model: wall(r, kw), priceYuan: scaledPrice(r, at01(AC_WALL, kw) * 0.55, range) }
    }
    const kw = pick(r, AC_FLOOR)
    return { model: floor(r, kw), priceYuan: scaledPrice(r, 0.6 + 0.4 * at01(AC_FLOOR, kw), range) }
  }
}

const ACS: CategoryCatalogue = {
  code: 'ac',
  labels: 'energy',
  gradeWeights: APPLIANCE_GRADES,
  demoCount: 26,
  bulkWeight: 12,
  lines: [
    {
      brand: '格力',
      weight: 4,
      priceYuan: [2599, 8999],
      model: ac(
        (r, kw) => r() < 0.5
          ? `KFR-${kw}GW/${pick(r, ['NhAa', 'NhGe', 'NhPe', 'NhDa', 'NhZc', 'NhGd'])}${pick(r, ['1BAj', '1BAt', '3BAj', '1BG', '3BG', '1Bj'])}`
          : `KFR-${kw}GW/(${kw}${int(r, 500, 599)})FNh${pick(r, ['Aa', 'Ab', 'Ga', 'Ca', 'Da', 'Ba'])}-B${int(r, 1, 3)}`,
        (r, kw) => `KFR-${kw}LW/(${kw}${int(r, 500, 599)})FNh${pick(r, ['Ad', 'Ag', 'Ab', 'Ac'])}-B${int(r, 1, 3)}`,
        [2599, 8999],
      ),
    },
    {
      brand: '美的',
      weight: 4,
      priceYuan: [2399, 8499],
      model: ac(
        (r, kw) => r() < 0.15
          ? `KFR-${kw}GW/BDN8Y-${pick(r, ['KW', 'PH', 'DH', 'YH'])}${int(r, 1, 4)}00(${int(r, 1, 3)})A`
          : `KFR-${kw}GW/${pick(r, ['N8', 'BDN8', 'G', 'N8MX', 'N8VH', 'N8KS', 'BP3DN8', 'N7'])}${pick(r, ['X', 'M', 'K', 'Z', 'Y', 'V'])}${pick(r, ['H', 'J', 'A', 'B', 'C'])}${pick(r, ['C', 'A', 'B'])}${int(r, 1, 3)}`,
        (r, kw) => `KFR-${kw}LW/${pick(r, ['N8', 'BDN8', 'G1'])}${pick(r, ['MJA1', 'MXA1', 'YDA1', 'HA3'])}`,
        [2399, 8499],
      ),
    },
    {
      brand: '海尔',
      weight: 3,
      priceYuan: [2499, 8499],
      model: ac(
        (r, kw) => `KFR-${kw}GW/${pick(r, ['B', '0', 'A', 'E'])}${int(r, 1, 9)}${pick(r, ['LA', 'KB', 'ED', 'KG', 'XD', 'LE'])}${pick(r, ['A', 'B', 'C', 'S'])}${int(r, 81, 83)}U1`,
        (r, kw) => `KFR-${kw}LW/${pick(r, ['28KCA', '07EDS', '09XDA', '02KGC'])}${int(r, 81, 83)}U1`,
        [2499, 8499],
      ),
    },
    {
      brand: '奥克斯',
      weight: 2,
      priceYuan: [2399, 5999],
      model: ac(
        (r, kw) => `KFR-${kw}GW/BpR3${pick(r, ['AQE', 'AQF', 'PQE', 'TYC', 'AQJ'])}${int(r, 1, 19)}(B1)`,
        (r, kw) => `KFR-${kw}LW/BpR3${pick(r, ['AQJ', 'PYA', 'TYC'])}${int(r, 1, 19)}(B1)`,
        [2399, 5999],
      ),
    },
    {
      brand: '志高',
      weight: 1,
      priceYuan: [2399, 4999],
      model: ac(
        (r, kw) => `KFR-${kw}GW/A${pick(r, ['BP', 'DBP', 'EBP'])}${int(r, 100, 199)}+N${int(r, 1, 3)}`,
        (r, kw) => `KFR-${kw}LW/A${pick(r, ['BP', 'DBP'])}${int(r, 100, 199)}+N${int(r, 1, 3)}`,
        [2399, 4999],
      ),
    },
    {
      brand: '海信',
      weight: 1,
      priceYuan: [2399, 6999],
      model: ac(
        (r, kw) => `KFR-${kw}GW/${pick(r, ['E', 'X', 'S', 'A'])}${int(r, 300, 599)}-X1`,
        (r, kw) => `KFR-${kw}LW/${pick(r, ['E', 'X', 'A'])}${int(r, 500, 799)}-X1`,
        [2399, 6999],
      ),
    },
    {
      brand: 'TCL',
      weight: 1,
      priceYuan: [2399, 5999],
      model: ac(
        (r, kw) => `KFR-${kw}GW/${pick(r, ['RV', 'RT', 'XQ', 'JC', 'RN'])}${int(r, 1, 9)}${pick(r, ['Ea', 'Ba', 'Fa', 'Ca'])}+B${int(r, 1, 3)}`,
        (r, kw) => `KFR-${kw}LW/${pick(r, ['DBp', 'RV2', 'RT2'])}${pick(r, ['Ea', 'Ba', 'Fa'])}+B${int(r, 1, 3)}`,
        [2399, 5999],
      ),
    },
    {
      brand: '小米',
      weight: 1,
      priceYuan: [2399, 5999],
      model: ac(
        (r, kw) => `KFR-${kw}GW/${pick(r, ['N', 'M', 'V', 'D', 'S', 'F'])}${int(r, 1, 9)}A${int(r, 1, 9)}`,
        (r, kw) => `KFR-${kw}LW/${pick(r, ['N1', 'M1', 'V1'])}A${int(r, 1, 9)}`,
        [2399, 5999],
      ),
    },
  ],
}

const PC_CPU: readonly Priced[] = [['Ultra 5 225H', 0], ['Ultra 7 255H', 1000], ['R7-8845H', 300], ['R9-8945HX', 1500], ['i5-13420H', -300], ['i7-13700H', 600]]
const PC_MEMORY: readonly Priced[] = [['16GB+512GB', 0], ['16GB+1TB', 500], ['32GB+1TB', 1500], ['24GB+1TB', 1000]]
const CONFIG_PC: readonly Priced[] = PC_CPU.flatMap(([cpu, c]) => PC_MEMORY.map(([mem, m]) => [`${cpu}/${mem}`, c + m] as const))
const CONFIG_MAC: readonly Priced[] = [['16GB+256GB', 0], ['16GB+512GB', 1500], ['24GB+512GB', 3000]]
const PC_FINISH = ['深空灰', '银色', '鸽子灰', '天青蓝', '星光色', '曜石黑'] as const

const COMPUTERS: CategoryCatalogue = {
  code: 'computer',
  labels: 'energy',
  gradeWeights: [[1, 55], [2, 40], [3, 5]],
  demoCount: 12,
  bulkWeight: 1.5,
  lines: [
    { brand: '联想', weight: 3, priceYuan: [3499, 12999], model: sku([['小新 Pro 14 2025', 5499], ['小新 Pro 16 2025', 5999], ['ThinkBook 14+ 2025', 5999], ['ThinkPad X1 Carbon 2025', 11499], ['YOGA Air 14 Aura', 7999], ['拯救者 Y7000P 2025', 7499], ['拯救者 Y9000P 2025', 10999], ['天逸 510S 台式机', 3999]], CONFIG_PC, PC_FINISH, 12999) },
    { brand: '华为', weight: 2, priceYuan: [3999, 12999], model: sku([['MateBook 14 2024', 5999], ['MateBook D 16 2024', 4999], ['MateBook X Pro 2024', 10999], ['MateBook 14s', 6999], ['MateStation S 台式机', 3999]], CONFIG_PC, PC_FINISH, 12999) },
    { brand: '苹果', weight: 2, priceYuan: [4499, 12999], model: sku([['MacBook Air 13 英寸 M4', 7999], ['MacBook Air 15 英寸 M4', 9499], ['MacBook Pro 14 英寸 M4', 12999], ['iMac 24 英寸 M4', 10999], ['Mac mini M4', 4499]], CONFIG_MAC, ['午夜色', '星光色', '天蓝色', '银色', '深空黑色'], 12999) },
    { brand: '戴尔', weight: 1, priceYuan: [3499, 9999], model: sku([['灵越 14 Plus 7440', 5999], ['XPS 13 9350', 9999], ['成就 3030 台式机', 3499], ['游匣 G16', 7499]], CONFIG_PC, PC_FINISH, 12999) },
    { brand: '惠普', weight: 1, priceYuan: [3999, 7999], model: sku([['星Book Pro 14', 5299], ['暗影精灵 10', 7999], ['战66 七代', 4999], ['战99 台式机', 4599]], CONFIG_PC, PC_FINISH, 12999) },
    { brand: '华硕', weight: 1, priceYuan: [4999, 8999], model: sku([['无畏 Pro15 2025', 5799], ['天选 5 Pro', 7499], ['灵耀 14 2025', 6999]], CONFIG_PC, PC_FINISH, 12999) },
    { brand: '小米', weight: 1, priceYuan: [3999, 7999], model: sku([['Xiaomi Book Pro 14 2024', 6999], ['Redmi Book 16 2025', 4599], ['Redmi Book Pro 14 2025', 5499]], CONFIG_PC, PC_FINISH, 12999) },
  ],
}

const EWH_L = [40, 50, 60, 80, 100] as const

function ewh(make: (r: Rng, litres: number) => string, range: readonly [number, number]): ModelGen {
  return (r) => {
    const l = pick(r, EWH_L)
    return { model: make(r, l), priceYuan: scaledPrice(r, at01(EWH_L, l), range) }
  }
}

const ELECTRIC_WATER_HEATERS: CategoryCatalogue = {
  code: 'e-water-heater',
  labels: 'energy',
  gradeWeights: APPLIANCE_GRADES,
  demoCount: 12,
  bulkWeight: 6,
  lines: [
    { brand: '美的', weight: 3, priceYuan: [899, 3499], model: ewh((r, l) => `F${l}${int(r, 15, 39)}-${pick(r, ['JA5', 'MC6', 'V5S', 'UD7', 'JE5', 'MF7', 'TA3', 'JD6', 'UE5', 'MV7'])}(${pick(r, ['HE', 'HEY', 'HEG', 'H'])})`, [899, 3499]) },
    { brand: '海尔', weight: 3, priceYuan: [999, 3999], model: ewh((r, l) => `EC${l}0${int(r, 1, 8)}-${pick(r, ['MA', 'PA', 'JN', 'MC', 'YD', 'GA'])}${int(r, 1, 9)}${pick(r, ['U1', 'SU1', 'KU1'])}`, [999, 3999]) },
    { brand: 'A.O.史密斯', weight: 2, priceYuan: [1999, 3999], model: ewh((r, l) => `E${l}${pick(r, ['VN', 'MN', 'HD', 'VD', 'X', 'HE', 'VF'])}${int(r, 1, 9)}${pick(r, ['', '-C', '-Y', 'B', '-S'])}`, [1999, 3999]) },
    { brand: '万和', weight: 1, priceYuan: [899, 2499], model: ewh((r, l) => `E${l}-${pick(r, ['Q', 'T', 'Y', 'P'])}${int(r, 1, 9)}${pick(r, ['W', 'S', 'D'])}${int(r, 1, 5)}-${int(r, 20, 32)}`, [899, 2499]) },
    { brand: '万家乐', weight: 1, priceYuan: [899, 2499], model: ewh((r, l) => `D${l}-${pick(r, ['H', 'S', 'Q'])}${int(r, 100, 999)}${pick(r, ['Y', 'B', 'T'])}`, [899, 2499]) },
    { brand: '西门子', weight: 1, priceYuan: [1999, 3999], model: ewh((r, l) => `DG${l}${int(r, 100, 999)}${pick(r, ['TI', 'STI', 'WTI'])}`, [1999, 3999]) },
  ],
}

const RANGE_HOODS: CategoryCatalogue = {
  code: 'range-hood',
  labels: 'energy',
  gradeWeights: APPLIANCE_GRADES,
  demoCount: 12,
  bulkWeight: 6,
  lines: [
    { brand: '方太', weight: 3, priceYuan: [2999, 7999], model: r => `CXW-${pick(r, [200, 218, 258, 268, 358])}-${pick(r, ['EMD', 'JQ', 'EH', 'X', 'V', 'EMC'])}${int(r, 1, 30)}${pick(r, ['A', 'TS', '', 'S', 'BE'])}` },
    { brand: '老板', weight: 3, priceYuan: [2499, 7999], model: r => `CXW-${pick(r, [200, 260, 300])}-${int(r, 20, 69)}${pick(r, ['X', 'A', 'B', 'S', 'E'])}${int(r, 1, 9)}${pick(r, ['', 'S', 'H'])}` },
    { brand: '华帝', weight: 2, priceYuan: [1999, 5999], model: r => `CXW-${pick(r, [200, 238, 258, 298])}-i${int(r, 11000, 11999)}${pick(r, ['', 'A', 'B'])}` },
    { brand: '美的', weight: 2, priceYuan: [1999, 4999], model: r => `CXW-${pick(r, [220, 280, 300])}-${pick(r, ['J', 'T', 'TJ', 'DJ', 'JV'])}${int(r, 10, 69)}${pick(r, ['', 'B', 'S'])}` },
    { brand: '海尔', weight: 1, priceYuan: [1999, 4999], model: r => `CXW-${pick(r, [219, 230, 268])}-${pick(r, ['E', 'C', 'Q'])}${int(r, 700, 999)}${pick(r, ['C', 'T', 'S'])}${int(r, 1, 19)}` },
    { brand: '万家乐', weight: 1, priceYuan: [1999, 3999], model: r => `CXW-${pick(r, [200, 280])}-${pick(r, ['AJ', 'AQ', 'ZH'])}${int(r, 10, 99)}` },
    { brand: '万和', weight: 1, priceYuan: [1999, 3999], model: r => `CXW-${pick(r, [200, 280, 300])}-${pick(r, ['X', 'L', 'J'])}${int(r, 10, 99)}${pick(r, ['B', 'A', ''])}` },
  ],
}

const DISHWASHERS: CategoryCatalogue = {
  code: 'dishwasher',
  labels: 'energy+water',
  gradeWeights: APPLIANCE_GRADES,
  demoCount: 10,
  bulkWeight: 4,
  lines: [
    { brand: '西门子', weight: 3, priceYuan: [3999, 9999], model: r => `S${pick(r, ['J', 'N'])}${pick(r, [23, 43, 45, 63, 65])}${pick(r, ['HS', 'HI', 'EW', 'EB', 'MI'])}${int(r, 0, 9)}${pick(r, ['0', '1', '6'])}${pick(r, ['KC', 'CC', 'TI'])}` },
    { brand: '美的', weight: 3, priceYuan: [2999, 6999], model: r => `${pick(r, ['RX', 'GX', 'V', 'J', 'P', 'M'])}${int(r, 3, 12)}${pick(r, ['00', '10', '20', '50', '60'])}${pick(r, ['W', 'S', 'P', 'Pro', 'Max'])}` },
    { brand: '方太', weight: 2, priceYuan: [4999, 9999], model: r => `JBSD${int(r, 2, 4)}T-${pick(r, ['Z', 'V', 'X', 'E', 'F', 'J', 'Q'])}${int(r, 1, 9)}${pick(r, ['S', 'Pro', '', 'BE', 'X'])}` },
    { brand: '海尔', weight: 2, priceYuan: [2999, 6999], model: r => `EYW${int(r, 13, 16)}${int(r, 1000, 9999)}${pick(r, ['BK', 'GG', 'SU1'])}` },
    { brand: '老板', weight: 1, priceYuan: [3999, 8999], model: r => `WB${int(r, 700, 799)}${pick(r, ['X', 'D', 'S', 'A'])}` },
    { brand: '博世', weight: 1, priceYuan: [3999, 8999], model: r => `SMS${int(r, 2, 8)}${pick(r, ['HMI', 'ECI', 'HVI', 'TCI'])}0${int(r, 1, 9)}${pick(r, ['C', 'W'])}` },
  ],
}

const WATER_PURIFIERS: CategoryCatalogue = {
  code: 'water-purifier',
  labels: 'water',
  gradeWeights: WATER_GRADES,
  demoCount: 10,
  bulkWeight: 5,
  lines: [
    { brand: '美的', weight: 3, priceYuan: [1299, 4999], model: r => `MRO${int(r, 1000, 1999)}${pick(r, ['D', 'B', 'A'])}-${pick(r, [400, 600, 800, 1000, 1200])}G` },
    { brand: 'A.O.史密斯', weight: 2, priceYuan: [2999, 5999], model: r => `${pick(r, ['AR', 'ADR', 'R', 'MR', 'CR'])}${pick(r, [400, 600, 800, 1000, 1200, 1600, 2000])}-${pick(r, ['A', 'B', 'C', 'S', 'D'])}${int(r, 1, 9)}` },
    { brand: '小米', weight: 2, priceYuan: [1299, 3999], model: r => `MR${int(r, 4, 12)}${int(r, 10, 99)}-${pick(r, ['A', 'B', 'C', 'H'])}` },
    { brand: '海尔', weight: 2, priceYuan: [1299, 4999], model: r => `HRO${int(r, 4, 12)}${pick(r, ['H', 'X', 'A'])}${int(r, 50, 99)}-${int(r, 1, 5)}${pick(r, ['', 'D', 'U1'])}` },
    { brand: '安吉尔', weight: 1, priceYuan: [1599, 4999], model: r => `J${int(r, 2000, 3999)}-ROB${int(r, 1, 99)}${pick(r, ['C', 'A', ''])}` },
    { brand: '沁园', weight: 1, priceYuan: [1299, 3999], model: r => `KRL${int(r, 3000, 5999)}${pick(r, ['', 'A', 'B'])}` },
    { brand: '方太', weight: 1, priceYuan: [3999, 5999], model: r => `J${int(r, 6000, 6999)}-RO${pick(r, ['C', 'D', 'E'])}${int(r, 1, 9)}` },
  ],
}

const MICROWAVES: CategoryCatalogue = {
  code: 'microwave',
  labels: 'energy',
  gradeWeights: APPLIANCE_GRADES,
  demoCount: 8,
  bulkWeight: 4,
  lines: [
    { brand: '格兰仕', weight: 3, priceYuan: [399, 1999], model: r => `${pick(r, ['G', 'P'])}${pick(r, [70, 80, 90])}F${pick(r, [20, 23, 25])}${pick(r, ['CN3L', 'CL', 'CN2L', 'CSL', 'CN3P'])}-${pick(r, ['C2', 'DG', 'Q6', 'V9', 'SR'])}(${pick(r, ['S3', 'B0', 'R0', 'W0', 'S7'])})` },
    { brand: '美的', weight: 3, priceYuan: [399, 2499], model: r => `${pick(r, ['M1', 'M3', 'PC', 'PG', 'M2', 'PM'])}-${pick(r, ['L', 'W', 'E'])}${int(r, 200, 259)}${pick(r, ['B', 'C', 'E', 'A'])}` },
    { brand: '松下', weight: 1, priceYuan: [999, 2499], model: r => `NN-${pick(r, ['DS', 'GF', 'GT', 'CD'])}${int(r, 10, 99)}${pick(r, ['JW', 'KW', 'JB', '00'])}` },
    { brand: '海尔', weight: 1, priceYuan: [399, 1299], model: r => `MZ${pick(r, ['K', 'C', 'J'])}-${int(r, 2000, 2599)}${pick(r, ['EGCZ', 'MG', 'EG'])}` },
  ],
}

const RICE_COOKERS: CategoryCatalogue = {
  code: 'rice-cooker',
  labels: 'energy',
  gradeWeights: APPLIANCE_GRADES,
  demoCount: 8,
  bulkWeight: 4,
  lines: [
    { brand: '美的', weight: 3, priceYuan: [199, 1299], model: r => `MB-${pick(r, ['HS', 'FB', 'RE', 'FZ', 'HC'])}${int(r, 3000, 5099)}` },
    { brand: '苏泊尔', weight: 3, priceYuan: [199, 1299], model: r => `${pick(r, ['SF', 'CFXB'])}${pick(r, [30, 40, 50])}${pick(r, ['HC', 'FC', 'FZ', 'HZ'])}${int(r, 1000, 9999)}` },
    { brand: '九阳', weight: 2, priceYuan: [199, 999], model: r => `${pick(r, ['F', 'Y'])}-${pick(r, [30, 40, 50])}${pick(r, ['FY', 'TD', 'FZ', 'N'])}${int(r, 1, 99)}` },
    { brand: '松下', weight: 1, priceYuan: [699, 1599], model: r => `SR-${pick(r, ['HR', 'AC', 'H', 'PX', 'CL', 'HM'])}${int(r, 100, 189)}${pick(r, ['', '-N', '-K'])}` },
  ],
}

// ---------------------------------------------------------------------------------------------------------
// Gas appliances: 燃气灶具及燃气热水器以旧换新产品目录指引
// ---------------------------------------------------------------------------------------------------------

const GAS_STOVES: CategoryCatalogue = {
  code: 'gas-stove',
  labels: 'energy',
  gradeWeights: GAS_GRADES,
  demoCount: 32,
  bulkWeight: 6,
  lines: [
    { brand: '华帝', weight: 3, priceYuan: [999, 3999], model: r => `JZ${pick(r, GAS_TYPE)}-i${int(r, 10000, 10199)}${pick(r, ['A', 'B', 'C', ''])}` },
    { brand: '方太', weight: 3, priceYuan: [1999, 4999], model: r => `JZ${pick(r, GAS_TYPE)}-${pick(r, ['TH', 'FD', 'TE', 'HC', 'EM', 'JD', 'HT'])}${int(r, 20, 39)}${pick(r, ['B', 'BE', 'G', '', 'BS', 'GE'])}` },
    { brand: '老板', weight: 3, priceYuan: [1799, 4999], model: r => `JZ${pick(r, GAS_TYPE)}-${int(r, 30, 60)}${pick(r, ['B', 'G', 'A'])}${int(r, 0, 9)}${pick(r, ['X', '', 'S'])}` },
    { brand: '万和', weight: 2, priceYuan: [999, 2999], model: r => `JZ${pick(r, GAS_TYPE)}-${pick(r, ['L', 'BE', 'E', 'T'])}${int(r, 5, 8)}B${int(r, 10, 39)}` },
    { brand: '万家乐', weight: 2, priceYuan: [999, 2999], model: r => `JZ${pick(r, GAS_TYPE)}-${pick(r, ['IQ', 'QL', 'AQ', 'FQ'])}${int(r, 100, 999)}` },
    { brand: '美的', weight: 2, priceYuan: [999, 2999], model: r => `JZ${pick(r, GAS_TYPE)}-Q${pick(r, ['', 'L', 'Z'])}${int(r, 200, 699)}${pick(r, ['B', 'A', ''])}` },
    { brand: '海尔', weight: 1, priceYuan: [999, 2999], model: r => `JZ${pick(r, GAS_TYPE)}-Q${pick(r, ['E', '2B', 'BE', 'K', 'M', 'S'])}${int(r, 1, 9)}${pick(r, ['', 'B0', 'G', 'BS'])}` },
    { brand: '林内', weight: 2, priceYuan: [1999, 4999], model: r => `JZ${pick(r, GAS_TYPE)}-2${pick(r, ['E', 'B', 'K'])}${int(r, 10, 99)}${pick(r, ['M', '', 'B'])}` },
    { brand: '能率', weight: 1, priceYuan: [1999, 3999], model: r => `JZ${pick(r, GAS_TYPE)}-NA${int(r, 100, 399)}${pick(r, ['G', 'B', ''])}` },
  ],
}

/** Gas water heaters are named by heat input (JSQ30 = 30 kW ≈ 16 L/min). */
const GWH_SIZES: ReadonlyArray<readonly [number, number]> = [[12, 24], [13, 25], [14, 28], [16, 30], [16, 31], [16, 32], [18, 34], [20, 40]]

function gwh(make: (r: Rng, litres: number, kw: number) => string, range: readonly [number, number]): ModelGen {
  return (r) => {
    const size = pick(r, GWH_SIZES)
    return { model: make(r, size[0], size[1]), priceYuan: scaledPrice(r, at01(GWH_SIZES, size), range) }
  }
}

const GAS_WATER_HEATERS: CategoryCatalogue = {
  code: 'gas-water-heater',
  labels: 'energy+water',
  gradeWeights: GAS_GRADES,
  demoCount: 36,
  bulkWeight: 7,
  lines: [
    { brand: '万和', weight: 3, priceYuan: [1299, 3999], model: gwh((r, l, kw) => `JSQ${kw}-${l}${pick(r, ['ST', 'ET', 'GT', 'ZT', 'SV'])}${int(r, 1, 60)}`, [1299, 3999]) },
    { brand: '林内', weight: 3, priceYuan: [2999, 6999], model: gwh((r, _l, kw) => `JSQ${kw}-${pick(r, ['GD', 'C', 'D', 'R', 'GQ'])}${pad(int(r, 1, 99), 2)}`, [2999, 6999]) },
    { brand: '能率', weight: 2, priceYuan: [2499, 5999], model: gwh((r, l, kw) => r() < 0.5 ? `JSQ${kw}-${pick(r, ['E', 'F', 'D', 'G', 'H'])}${int(r, 1, 9)}${pick(r, ['', 'FEX', 'AFEX'])}` : `GQ-${l}${pick(r, ['E', 'D', 'F'])}${int(r, 1, 9)}${pick(r, ['AFEX', 'FEX', 'AFE'])}`, [2499, 5999]) },
    { brand: 'A.O.史密斯', weight: 2, priceYuan: [2499, 5999], model: gwh((r, _l, kw) => `JSQ${kw}-${pick(r, ['TM', 'ND', 'VJ', 'LP', 'TP', 'HD', 'MX'])}${int(r, 1, 9)}${pick(r, ['', 'S', 'W'])}`, [2499, 5999]) },
    { brand: '华帝', weight: 2, priceYuan: [1299, 3999], model: gwh((r, _l, kw) => `JSQ${kw}-i${int(r, 12000, 12399)}-${l16(r)}`, [1299, 3999]) },
    { brand: '方太', weight: 2, priceYuan: [2999, 5999], model: gwh((r, _l, kw) => `JSQ${kw}-${pick(r, ['F', 'TC', 'TH', 'TE', 'TF', 'HC'])}${int(r, 1, 9)}${pick(r, ['', 'S', 'BE', 'Y'])}`, [2999, 5999]) },
    { brand: '老板', weight: 1, priceYuan: [2499, 4999], model: gwh((r, _l, kw) => `JSQ${kw}-${pick(r, ['B', 'C', 'E', 'G', 'H'])}${int(r, 1, 9)}${pick(r, ['T', 'S', '', 'A'])}`, [2499, 4999]) },
    { brand: '万家乐', weight: 2, priceYuan: [1299, 3499], model: gwh((r, l, kw) => `JSQ${kw}-${l}${pick(r, ['UTS', 'LK', 'JP', 'ZH', 'S', 'LC', 'QH'])}${int(r, 1, 20)}`, [1299, 3499]) },
    { brand: '美的', weight: 2, priceYuan: [1299, 3999], model: gwh((r, _l, kw) => `JSQ${kw}-${pick(r, ['RX', 'MK', 'TC', 'JM', 'HWF'])}${int(r, 1, 9)}${pick(r, ['', 'S', 'Pro'])}`, [1299, 3999]) },
    { brand: '海尔', weight: 2, priceYuan: [1299, 3999], model: gwh((r, l, kw) => `JSQ${kw}-${l}${pick(r, ['KL', 'UTS', 'JM', 'TE', 'WN', 'KN', 'JS'])}${int(r, 1, 9)}(12T)${pick(r, ['U1', ''])}`, [1299, 3999]) },
  ],
}

/** Gas type of a 华帝 heater: 12T natural gas, 20Y LPG. */
function l16(r: Rng): string {
  return pick(r, ['12T', '12T', '20Y'])
}

// ---------------------------------------------------------------------------------------------------------
// Home: furniture, kitchen, bathroom, locks, elderly-friendly retrofit (named products, no labels)
// ---------------------------------------------------------------------------------------------------------

const BED = ['1.2×2.0m', '1.5×2.0m', '1.8×2.0m', '2.0×2.2m'] as const

function named(parts: (r: Rng) => string, sizes: readonly string[], range: readonly [number, number]): ModelGen {
  return (r) => {
    const size = pick(r, sizes)
    return { model: `${parts(r)} ${size}`, priceYuan: scaledPrice(r, at01(sizes, size), range) }
  }
}

const MATTRESSES: CategoryCatalogue = {
  code: 'mattress',
  labels: 'none',
  gradeWeights: [],
  demoCount: 10,
  bulkWeight: 1,
  lines: [
    { brand: '慕思', weight: 3, priceYuan: [3999, 19999], model: named(r => `${pick(r, ['3D 椰棕护脊床垫', '天然乳胶独袋弹簧床垫', 'AI 智能床垫', '凯奇 记忆棉床垫', '0 压感 乳胶床垫'])} ${pick(r, ['MSB', 'DR', 'MJ', 'T'])}${int(r, 10, 999)}`, BED, [3999, 19999]) },
    { brand: '喜临门', weight: 3, priceYuan: [1999, 9999], model: named(r => `${pick(r, ['白骑士 独袋弹簧床垫', '净眠 乳胶床垫', '酒店款 椰棕床垫', '小蓝 护脊床垫', '深睡 记忆棉床垫'])} SLM-${int(r, 1000, 9999)}`, BED, [1999, 9999]) },
    { brand: '顾家家居', weight: 2, priceYuan: [1999, 8999], model: named(r => `${pick(r, ['护脊 独袋弹簧床垫', '乳胶 椰棕两用床垫', '梦想家 软硬双面床垫', '云朵 记忆棉床垫'])} M${pad(int(r, 1, 999), 4)}`, BED, [1999, 8999]) },
    { brand: '芝华仕', weight: 1, priceYuan: [2999, 8999], model: named(r => `${pick(r, ['头等舱 独袋弹簧床垫', '乳胶 护脊床垫', '零压 记忆棉床垫'])} CM${int(r, 1000, 9999)}`, BED, [2999, 8999]) },
    { brand: '林氏家居', weight: 1, priceYuan: [1999, 4999], model: named(r => `${pick(r, ['椰棕 乳胶床垫', '独袋弹簧 护脊床垫', '软硬两用 床垫'])} LS${int(r, 100, 999)}${pick(r, ['CD', 'CM', 'D'])}`, BED, [1999, 4999]) },
  ],
}

const SEATS = ['双人位', '三人位', '四人位', '转角组合', '三人位+贵妃位'] as const

const SOFAS: CategoryCatalogue = {
  code: 'sofa',
  labels: 'none',
  gradeWeights: [],
  demoCount: 10,
  bulkWeight: 1,
  lines: [
    { brand: '顾家家居', weight: 3, priceYuan: [4999, 29999], model: named(r => `${pick(r, ['意式极简', '奶油风', '现代轻奢', '科技布', '真皮头层'])}${pick(r, ['真皮沙发', '布艺沙发', '功能沙发'])} ${int(r, 1000, 9999)}${pick(r, ['', '-A', '-B'])}`, SEATS, [4999, 29999]) },
    { brand: '芝华仕', weight: 3, priceYuan: [3999, 19999], model: named(r => `${pick(r, ['头等舱 电动功能沙发', '真皮 功能沙发', '科技布 懒人沙发', '中古风 布艺沙发'])} K${int(r, 1000, 9999)}`, SEATS, [3999, 19999]) },
    { brand: '慕思', weight: 1, priceYuan: [9999, 29999], model: named(r => `${pick(r, ['意式 真皮沙发', '轻奢 模块沙发'])} MSF-${int(r, 100, 999)}`, SEATS, [9999, 29999]) },
    { brand: '林氏家居', weight: 2, priceYuan: [3999, 9999], model: named(r => `${pick(r, ['奶油风 布艺沙发', '北欧 科技布沙发', '云朵 猫抓布沙发'])} LS-${int(r, 100, 999)}SF`, SEATS, [3999, 9999]) },
  ],
}

const CABINET_M = ['3 延米', '4 延米', '5 延米', '6 延米'] as const

const KITCHEN_CABINETS: CategoryCatalogue = {
  code: 'kitchen-cabinet',
  labels: 'none',
  gradeWeights: [],
  demoCount: 8,
  bulkWeight: 0.6,
  lines: [
    { brand: '欧派', weight: 3, priceYuan: [12999, 39999], model: named(r => `${pick(r, ['轻奢', '现代简约', '北欧', '新中式', '意式极简'])} 整体橱柜 OP-C${int(r, 1000, 9999)}（含石英石台面）`, CABINET_M, [12999, 39999]) },
    { brand: '索菲亚', weight: 2, priceYuan: [9999, 34999], model: named(r => `司米 ${pick(r, ['暖白', '原木', '岩灰', '奶咖'])} 整体橱柜 SM-${int(r, 100, 999)}`, CABINET_M, [9999, 34999]) },
    { brand: '志邦家居', weight: 2, priceYuan: [9999, 29999], model: named(r => `${pick(r, ['简约', '法式', '现代'])} 整体橱柜 ZB-${int(r, 1000, 9999)}`, CABINET_M, [9999, 29999]) },
    { brand: '金牌厨柜', weight: 1, priceYuan: [9999, 29999], model: named(r => `${pick(r, ['静奢', '轻法', '原木'])} 整体橱柜 JP-${int(r, 1000, 9999)}`, CABINET_M, [9999, 29999]) },
  ],
}

const SANITARY_WARE: CategoryCatalogue = {
  code: 'sanitary-ware',
  labels: 'water',
  gradeWeights: [[1, 50], [2, 40], [3, 10]],
  demoCount: 12,
  bulkWeight: 3,
  lines: [
    { brand: '箭牌', weight: 2, priceYuan: [999, 5999], model: r => `A${pick(r, ['KB', 'B', 'E', 'BZ'])}${int(r, 1000, 1399)}${pick(r, ['', 'R', 'Z', 'S'])}` },
    { brand: '九牧', weight: 3, priceYuan: [699, 7999], model: r => r() < 0.5 ? `${pick(r, ['ZS', 'ZS7', 'ZD'])}${int(r, 500, 999)}${pick(r, ['J', 'S', 'M', ''])}` : `${pick(r, ['11', '12', '36'])}${int(r, 100, 399)}-${int(r, 1, 3)}-${int(r, 1, 9)}` },
    { brand: '恒洁', weight: 2, priceYuan: [999, 6999], model: r => `H${pick(r, ['0', 'Q', 'T', 'C'])}${int(r, 100, 999)}${pick(r, ['D', 'S', 'A', 'ZS'])}` },
    { brand: 'TOTO', weight: 1, priceYuan: [1999, 8999], model: r => `${pick(r, ['CW', 'CES', 'TCF', 'CW'])}${int(r, 100, 999)}${pick(r, ['EB', 'B', 'RB', 'CB'])}` },
    { brand: '科勒', weight: 1, priceYuan: [1999, 8999], model: r => `K-${int(r, 3000, 8999)}${pick(r, ['T', 'K', ''])}-${pick(r, ['C', '0', 'S', 'CP'])}` },
  ],
}

const SMART_LOCKS: CategoryCatalogue = {
  code: 'smart-lock',
  labels: 'none',
  gradeWeights: [],
  demoCount: 10,
  bulkWeight: 1,
  lines: [
    { brand: '德施曼', weight: 3, priceYuan: [1299, 3999], model: r => `${pick(r, ['小巨人 ', '', '玄武 '])}${pick(r, ['Q', 'R', 'K', 'V'])}${int(r, 3, 90)}${pick(r, ['M', 'F', 'FMAX', 'P', ' Pro', 'V'])}` },
    { brand: '凯迪仕', weight: 3, priceYuan: [999, 3499], model: r => `${pick(r, ['K', 'S', 'Q', 'T'])}${int(r, 5, 30)}${pick(r, ['', ' Max', ' Pro', '-V', 'F', 'P'])}` },
    { brand: '小米', weight: 2, priceYuan: [999, 2499], model: r => `智能门锁 ${pick(r, ['M', 'E', 'X'])}${int(r, 10, 30)}${pick(r, ['', ' Pro', ' Max', ' 猫眼版'])}` },
    { brand: '鹿客', weight: 1, priceYuan: [999, 2999], model: r => `${pick(r, ['S', 'P', 'Q'])}${int(r, 30, 90)}${pick(r, ['F', 'V', 'Pro', ''])}` },
    { brand: '海尔', weight: 1, priceYuan: [999, 2499], model: r => `HL-${int(r, 10, 99)}${pick(r, ['PF', 'V', 'FS'])}${int(r, 1, 9)}` },
  ],
}

const RETROFIT_ITEMS = ['不锈钢无障碍扶手', '马桶助力扶手', '淋浴折叠座椅', 'L 型安全扶手', '一字防滑扶手 600mm', '防滑助浴椅'] as const

const AGING_RETROFIT: CategoryCatalogue = {
  code: 'aging-retrofit',
  labels: 'none',
  gradeWeights: [],
  demoCount: 8,
  bulkWeight: 0.6,
  lines: [
    { brand: '九牧', weight: 2, priceYuan: [299, 1999], model: r => `${pick(r, RETROFIT_ITEMS)} JM-${pick(r, ['F', 'Y', 'A'])}${int(r, 1000, 9999)}` },
    { brand: '箭牌', weight: 1, priceYuan: [299, 1999], model: r => `${pick(r, RETROFIT_ITEMS)} A${pick(r, ['F', 'Z'])}${int(r, 100, 999)}` },
    { brand: '恒洁', weight: 1, priceYuan: [299, 1999], model: r => `${pick(r, RETROFIT_ITEMS)} H${pick(r, ['S', 'A'])}${int(r, 1000, 9999)}` },
    { brand: '鱼跃', weight: 2, priceYuan: [199, 1299], model: r => r() < 0.3 ? { model: `${pick(r, ['电动护理床', '多功能护理床'])} ${pick(r, ['DA', 'DB', 'H'])}-${int(r, 2, 9)}${pick(r, ['', 'A', 'B'])}`, priceYuan: charmYuan(int(r, 5999, 9999), 5999, 9999) } : `${pick(r, ['洗澡椅', '助行器', '坐便椅', '四脚拐杖'])} ${pick(r, ['YU', 'H', 'D'])}${int(r, 100, 999)}` },
    { brand: '可孚', weight: 1, priceYuan: [299, 1999], model: r => `${pick(r, ['防滑助浴椅', '坐便椅', '助行器', '起身扶手'])} KF-${int(r, 100, 999)}` },
    { brand: '欧派', weight: 1, priceYuan: [3999, 9999], model: r => `${pick(r, ['卫生间', '厨房', '卧室'])}适老化改造套餐 ${pick(r, ['A', 'B', 'C'])} 型 OP-S${int(r, 100, 999)}` },
  ],
}

// ---------------------------------------------------------------------------------------------------------
// Digital products
// ---------------------------------------------------------------------------------------------------------

const PHONE_STORAGE: readonly Priced[] = [['12GB+256GB', 0], ['12GB+512GB', 500], ['16GB+512GB', 800], ['16GB+1TB', 1500]]
const PHONE_STORAGE_LOW: readonly Priced[] = [['8GB+128GB', 0], ['8GB+256GB', 200], ['12GB+256GB', 400], ['12GB+512GB', 700]]
const APPLE_STORAGE: readonly Priced[] = [['128GB', 0], ['256GB', 1000], ['512GB', 3000], ['1TB', 5000]]

const PHONES: CategoryCatalogue = {
  code: 'phone',
  labels: 'none',
  gradeWeights: [],
  demoCount: 20,
  bulkWeight: 0.6,
  lines: [
    { brand: '华为', weight: 3, priceYuan: [1299, 9999], model: sku([['Mate 70', 5499], ['Mate 70 Pro', 6499], ['Mate 70 Pro+', 8499], ['Pura 70', 5499], ['Pura 70 Pro', 6499], ['nova 13', 2699], ['nova 13 Pro', 3699], ['畅享 70X', 1799], ['Mate 60', 4999]], PHONE_STORAGE, ['雅川青', '云杉绿', '曜石黑', '雪域白', '羽砂紫', '冰霜银'], 9999) },
    { brand: '苹果', weight: 2, priceYuan: [4499, 6999], model: sku([['iPhone 16', 5999], ['iPhone 16 Plus', 6999], ['iPhone 16e', 4499], ['iPhone 15', 4999]], APPLE_STORAGE, ['黑色', '白色', '粉色', '深青色', '群青色'], 9999) },
    { brand: '苹果', weight: 1, priceYuan: [7999, 9999], model: sku([['iPhone 16 Pro', 7999]], APPLE_STORAGE, ['沙漠色钛金属', '原色钛金属', '白色钛金属', '黑色钛金属'], 9999) },
    { brand: '苹果', weight: 1, priceYuan: [9999, 9999], model: sku([['iPhone 16 Pro Max', 9999]], [['256GB', 0]], ['沙漠色钛金属', '原色钛金属', '白色钛金属', '黑色钛金属'], 9999) },
    { brand: '小米', weight: 2, priceYuan: [1299, 6999], model: sku([['Xiaomi 15', 4499], ['Xiaomi 15 Pro', 5299], ['Xiaomi 15 Ultra', 6499], ['Redmi K80', 2499], ['Redmi K80 Pro', 3699], ['Redmi Note 14 Pro', 1399], ['Redmi Turbo 4', 1999]], PHONE_STORAGE_LOW, ['黑色', '白色', '亮银版', '丁香紫', '云杉绿'], 9999) },
    { brand: '荣耀', weight: 2, priceYuan: [1299, 8999], model: sku([['Magic7', 4499], ['Magic7 Pro', 5699], ['荣耀300', 2499], ['荣耀300 Pro', 3399], ['荣耀X60', 1399], ['荣耀GT', 2199], ['Magic V3', 8999]], PHONE_STORAGE_LOW, ['绒黑色', '月影白', '天际蓝', '燕山石'], 9999) },
    { brand: 'OPPO', weight: 2, priceYuan: [1299, 8999], model: sku([['Find X8', 4199], ['Find X8 Pro', 5299], ['Reno13', 2699], ['Reno13 Pro', 3399], ['A5 Pro', 1799], ['K12', 1899], ['Find N5', 8999]], PHONE_STORAGE_LOW, ['星野黑', '浮光白', '追风灰', '蝶蝶紫'], 9999) },
    { brand: 'vivo', weight: 2, priceYuan: [1299, 6999], model: sku([['X200', 4299], ['X200 Pro', 5299], ['S20', 2299], ['S20 Pro', 3299], ['Y300', 1399], ['X Fold3', 6999], ['iQOO 13', 3999]], PHONE_STORAGE_LOW, ['辰夜黑', '白月光', '宝石蓝', '钛色'], 9999) },
  ],
}

const TABLET_STORAGE: readonly Priced[] = [['8GB+128GB', 0], ['8GB+256GB', 300], ['12GB+256GB', 500], ['12GB+512GB', 1000]]

const TABLETS: CategoryCatalogue = {
  code: 'tablet',
  labels: 'none',
  gradeWeights: [],
  demoCount: 10,
  bulkWeight: 0.3,
  lines: [
    { brand: '华为', weight: 3, priceYuan: [1199, 6999], model: sku([['MatePad Pro 13.2 英寸', 5199], ['MatePad Pro 12.2 英寸', 4199], ['MatePad 11.5 S', 2199], ['MatePad Air', 2999], ['MatePad SE 11 英寸', 1199]], TABLET_STORAGE, ['WiFi 版 曜石黑', 'WiFi 版 冰霜银', '柔光版 晶钻白', '柔光版 曜石黑'], 8999) },
    { brand: '苹果', weight: 3, priceYuan: [2999, 8999], model: sku([['iPad Air 11 英寸 M3', 4799], ['iPad Air 13 英寸 M3', 6499], ['iPad Pro 11 英寸 M4', 8999], ['iPad (A16)', 2999], ['iPad mini (A17 Pro)', 3999]], [['128GB', 0], ['256GB', 900], ['512GB', 2700]], ['WLAN 版 深空灰色', 'WLAN 版 星光色', 'WLAN 版 蓝色', 'WLAN 版 紫色'], 8999) },
    { brand: '小米', weight: 2, priceYuan: [999, 2999], model: sku([['Xiaomi Pad 7', 1999], ['Xiaomi Pad 7 Pro', 2499], ['Redmi Pad Pro', 1299], ['Redmi Pad SE', 999]], TABLET_STORAGE, ['黑色', '蓝色', '绿色'], 8999) },
    { brand: '联想', weight: 1, priceYuan: [1799, 3999], model: sku([['小新 Pad Pro 12.7', 1799], ['YOGA Pad Pro 14.5', 3299], ['拯救者 Y700', 2699]], TABLET_STORAGE, ['鸽子灰', '青山绿', '深空灰'], 8999) },
    { brand: '荣耀', weight: 1, priceYuan: [999, 3999], model: sku([['MagicPad 2', 3099], ['荣耀平板 GT Pro', 2299], ['荣耀平板 X9', 999]], TABLET_STORAGE, ['星空灰', '天青色', '月影白'], 8999) },
  ],
}

const WATCH_FINISH = ['曜石黑 氟橡胶表带', '星云灰 皮质表带', '钛金属 编织表带', '月光白 硅胶表带', '深蓝 尼龙表带'] as const

const SMARTWATCHES: CategoryCatalogue = {
  code: 'smartwatch',
  labels: 'none',
  gradeWeights: [],
  demoCount: 8,
  bulkWeight: 0.3,
  lines: [
    { brand: '华为', weight: 3, priceYuan: [299, 3999], model: sku([['WATCH GT 5 46mm', 1488], ['WATCH GT 5 41mm', 1388], ['WATCH GT 5 Pro 46mm', 2488], ['WATCH 5', 2999], ['WATCH FIT 3', 999], ['手环 9', 299]], [['', 0]], WATCH_FINISH, 3999) },
    { brand: '苹果', weight: 2, priceYuan: [1999, 6499], model: sku([['Apple Watch Series 10 42mm', 2999], ['Apple Watch Series 10 46mm', 3199], ['Apple Watch SE 40mm', 1999], ['Apple Watch Ultra 2', 6499]], [['GPS 款', 0], ['GPS + 蜂窝网络款', 700]], ['运动型表带', '运动回环式表带', '米兰尼斯表带'], 6999) },
    { brand: '小米', weight: 2, priceYuan: [249, 1299], model: sku([['Xiaomi Watch S4', 999], ['小米手环 9 Pro', 399], ['小米手环 9', 249]], [['', 0]], WATCH_FINISH, 3999) },
    { brand: 'OPPO', weight: 1, priceYuan: [1299, 2499], model: sku([['OPPO Watch X', 2299], ['OPPO Watch 4 Pro', 1999]], [['', 0]], WATCH_FINISH, 3999) },
    { brand: 'vivo', weight: 1, priceYuan: [999, 1499], model: sku([['vivo WATCH 3', 1299], ['vivo WATCH GT', 999]], [['', 0]], WATCH_FINISH, 3999) },
    { brand: '荣耀', weight: 1, priceYuan: [269, 999], model: sku([['荣耀手表 5', 899], ['荣耀手环 9', 269]], [['', 0]], WATCH_FINISH, 3999) },
  ],
}

// ---------------------------------------------------------------------------------------------------------
// Cars
// ---------------------------------------------------------------------------------------------------------

const CAR_MIN = 99_800
const CAR_MAX = 329_800
const NEV_TRIMS: readonly Priced[] = [['2025款 领先型', 0], ['2025款 超越型', 10_000], ['2025款 卓越型', 20_000], ['2026款 智驾版 领先型', 6_000], ['2026款 智驾版 旗舰型', 30_000], ['2026款 长续航 尊贵型', 24_000]]
const FUEL_TRIMS: readonly Priced[] = [['2025款 精英版', 0], ['2025款 豪华版', 15_000], ['2025款 尊贵版', 30_000], ['2026款 改款 精英版', 8_000], ['2026款 改款 旗舰版', 40_000], ['2026款 运动版', 12_000]]

const NEVS: CategoryCatalogue = {
  code: 'nev',
  labels: 'none',
  gradeWeights: [],
  demoCount: 16,
  bulkWeight: 0.15,
  lines: [
    { brand: '比亚迪', weight: 3, priceYuan: [CAR_MIN, CAR_MAX], model: trims([['秦L DM-i', 99_800], ['海豹 06 DM-i', 99_800], ['宋PLUS DM-i', 129_800], ['宋L DM-i', 135_800], ['元PLUS', 115_800], ['海狮 07 EV', 189_800], ['汉L EV', 209_800], ['唐L DM-p', 229_800]], NEV_TRIMS, CAR_MIN, CAR_MAX) },
    { brand: '广汽埃安', weight: 2, priceYuan: [CAR_MIN, CAR_MAX], model: trims([['AION S MAX', 129_800], ['AION Y Plus', 109_800], ['AION V', 139_800], ['AION RT', 119_800], ['AION UT', 99_800]], NEV_TRIMS, CAR_MIN, CAR_MAX) },
    { brand: '小鹏', weight: 2, priceYuan: [CAR_MIN, CAR_MAX], model: trims([['MONA M03', 119_800], ['P7+', 186_800], ['G6', 176_800], ['G9', 248_800]], NEV_TRIMS, CAR_MIN, CAR_MAX) },
    { brand: '吉利', weight: 2, priceYuan: [CAR_MIN, CAR_MAX], model: trims([['银河 E5', 109_800], ['银河 L6', 99_800], ['银河 L7', 125_800], ['银河 E8', 175_800]], NEV_TRIMS, CAR_MIN, CAR_MAX) },
    { brand: '长安', weight: 1, priceYuan: [CAR_MIN, CAR_MAX], model: trims([['深蓝 SL03', 139_800], ['深蓝 S7', 149_800], ['启源 A07', 149_800], ['启源 Q07', 139_800]], NEV_TRIMS, CAR_MIN, CAR_MAX) },
    { brand: '特斯拉', weight: 1, priceYuan: [CAR_MIN, CAR_MAX], model: trims([['Model 3 后轮驱动版', 235_500], ['Model 3 长续航全轮驱动版', 285_500], ['Model Y 后轮驱动版', 263_500], ['Model Y 长续航全轮驱动版', 303_500]], [['2025款', 0], ['2026款', 0]], CAR_MIN, CAR_MAX) },
    { brand: '理想', weight: 1, priceYuan: [CAR_MIN, CAR_MAX], model: trims([['L6 Pro', 249_800], ['L6 Max', 279_800], ['L7 Pro', 301_800]], [['2025款', 0], ['2026款', 0]], CAR_MIN, CAR_MAX) },
    { brand: '广汽传祺', weight: 1, priceYuan: [CAR_MIN, CAR_MAX], model: trims([['E8 PHEV', 179_800], ['M8 宗师 PHEV', 229_800], ['向往 S7', 149_800]], NEV_TRIMS, CAR_MIN, CAR_MAX) },
  ],
}

const FUEL_CARS: CategoryCatalogue = {
  code: 'fuel-car',
  labels: 'none',
  gradeWeights: [],
  demoCount: 12,
  bulkWeight: 0.15,
  lines: [
    { brand: '丰田', weight: 3, priceYuan: [CAR_MIN, CAR_MAX], model: trims([['卡罗拉 1.5L', 109_800], ['凯美瑞 2.0L', 179_800], ['RAV4荣放 2.0L', 175_800], ['汉兰达 2.5L 双擎', 269_800], ['亚洲龙 2.0L', 199_800], ['威兰达 2.0L', 169_800]], FUEL_TRIMS, CAR_MIN, CAR_MAX) },
    { brand: '本田', weight: 3, priceYuan: [CAR_MIN, CAR_MAX], model: trims([['雅阁 260TURBO', 169_800], ['思域 240TURBO', 129_800], ['CR-V 240TURBO', 181_800], ['型格 240TURBO', 139_800], ['皓影 240TURBO', 179_800], ['奥德赛 2.0L 锐·混动', 259_800]], FUEL_TRIMS, CAR_MIN, CAR_MAX) },
    { brand: '大众', weight: 2, priceYuan: [CAR_MIN, CAR_MAX], model: trims([['朗逸 1.5L', 109_800], ['速腾 300TSI', 129_800], ['迈腾 330TSI', 189_800], ['帕萨特 330TSI', 189_800], ['途观L 330TSI', 219_800], ['探岳 330TSI', 189_800]], FUEL_TRIMS, CAR_MIN, CAR_MAX) },
    { brand: '日产', weight: 2, priceYuan: [CAR_MIN, CAR_MAX], model: trims([['轩逸 1.6L XL CVT', 99_800], ['天籁 2.0T', 179_800], ['奇骏 VC-Turbo 300', 189_800], ['逍客 2.0L', 139_800]], FUEL_TRIMS, CAR_MIN, CAR_MAX) },
    { brand: '广汽传祺', weight: 1, priceYuan: [CAR_MIN, CAR_MAX], model: trims([['GS3 影速 1.5T', 99_800], ['GS4 MAX 1.5T', 129_800], ['M8 领秀 2.0T', 219_800], ['影豹 1.5T', 109_800]], FUEL_TRIMS, CAR_MIN, CAR_MAX) },
    { brand: '吉利', weight: 1, priceYuan: [CAR_MIN, CAR_MAX], model: trims([['星瑞 2.0TD', 119_800], ['星越L 2.0TD', 139_800], ['博越L 1.5TD', 119_800], ['帝豪 L 1.5TD', 99_800]], FUEL_TRIMS, CAR_MIN, CAR_MAX) },
    { brand: '长安', weight: 1, priceYuan: [CAR_MIN, CAR_MAX], model: trims([['CS75 PLUS 1.5T', 119_800], ['UNI-V 1.5T', 119_800], ['逸动 PLUS 1.6L', 99_800], ['UNI-K 2.0T', 159_800]], FUEL_TRIMS, CAR_MIN, CAR_MAX) },
  ],
}

/** One entry per category of categories.json, in its order. */
export const CATALOGUE: readonly CategoryCatalogue[] = [
  FRIDGES, WASHERS, TVS, ACS, COMPUTERS, ELECTRIC_WATER_HEATERS, RANGE_HOODS, DISHWASHERS, WATER_PURIFIERS,
  MICROWAVES, RICE_COOKERS, GAS_STOVES, GAS_WATER_HEATERS, MATTRESSES, SOFAS, KITCHEN_CABINETS, SANITARY_WARE,
  SMART_LOCKS, AGING_RETROFIT, PHONES, TABLETS, SMARTWATCHES, NEVS, FUEL_CARS,
]

// ---------------------------------------------------------------------------------------------------------
// Turning a line into a product row
// ---------------------------------------------------------------------------------------------------------

/** Shop prices: ¥399, ¥2,999, ¥12,999; cars ¥129,800. Clamped to the line's range. */
export function charmYuan(yuan: number, min: number, max: number): number {
  let v: number
  if (yuan >= 50_000) v = Math.floor(yuan / 1000) * 1000 + 800
  else if (yuan >= 1000) v = Math.floor(yuan / 100) * 100 + 99
  else v = Math.floor(yuan / 10) * 10 + 9
  return Math.min(max, Math.max(min, v))
}

/**
 * Filing number on the label: 'CEL2025-03-0412345' for the China Energy Label (CEL, year and month of
 * filing, seven digits), 'CWEL2024-11-0031234' for a product that only carries the China Water Efficiency Label.
 */
export function labelNumber(r: Rng, waterOnly: boolean): string {
  return `${waterOnly ? 'CWEL' : 'CEL'}${int(r, 2023, 2025)}-${pad(int(r, 1, 12), 2)}-${pad(int(r, 0, 9_999_999), 7)}`
}

export type ProductDraft = Omit<ProductInsert, 'id' | 'createdAt' | 'retiredAt'> & {
  brandAlias: string | null
  energyGrade: number | null
  waterGrade: number | null
  labelNo: string | null
}

/** Grades and label number for a category, given a grade (or drawn from the category's distribution). */
export function labelFields(r: Rng, cat: CategoryCatalogue, grade?: number): Pick<ProductDraft, 'energyGrade' | 'waterGrade' | 'labelNo'> {
  if (cat.labels === 'none') return { energyGrade: null, waterGrade: null, labelNo: null }
  const g = grade ?? weighted(r, cat.gradeWeights)
  switch (cat.labels) {
    case 'energy': return { energyGrade: g, waterGrade: null, labelNo: labelNumber(r, false) }
    case 'energy+water': return { energyGrade: g, waterGrade: g, labelNo: labelNumber(r, false) }
    case 'water': return { energyGrade: null, waterGrade: g, labelNo: labelNumber(r, true) }
  }
}

/** One product of a line: model in the brand's style, label fields, a shop-style filed price in fen. */
export function draftProduct(r: Rng, cat: CategoryCatalogue, line: ProductLine): ProductDraft {
  const generated = line.model(r)
  const draft: ModelDraft = typeof generated === 'string' ? { model: generated, priceYuan: null } : generated
  const [min, max] = line.priceYuan
  const yuan = draft.priceYuan ?? charmYuan(int(r, min, max), min, max)
  return {
    brand: line.brand,
    brandAlias: brandAliasOf(line.brand),
    model: draft.model,
    categoryCode: cat.code,
    ...labelFields(r, cat),
    filedPriceFen: yuan * 100,
  }
}

/** Picks a line of a category in proportion to the brands' weights. */
export function pickLine(r: Rng, cat: CategoryCatalogue): ProductLine {
  let total = 0
  for (const line of cat.lines) total += line.weight
  let x = r() * total
  for (const line of cat.lines) {
    x -= line.weight
    if (x < 0) return line
  }
  const last = cat.lines[cat.lines.length - 1]
  if (last === undefined) throw new Error(`no product lines for ${cat.code}`)
  return last
}

export function productKey(p: { categoryCode: string, brand: string, model: string }): string {
  return `${p.categoryCode}\u0000${p.brand}\u0000${p.model}`
}
