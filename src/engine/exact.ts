// Exact decimal arithmetic for scores. Every published number goes through `publish` (the one
// place where rounding happens): binary floating point would turn 86.945 into 86.94.

/** An exact rational n/d with d > 0 (not necessarily reduced). */
export interface Exact {
  readonly n: bigint;
  readonly d: bigint;
}

const TEN = 10n;
const pow10Cache: bigint[] = [1n];
export function pow10(k: number): bigint {
  for (let i = pow10Cache.length; i <= k; i++) pow10Cache.push(pow10Cache[i - 1] * TEN);
  return pow10Cache[k];
}

export const ZERO: Exact = { n: 0n, d: 1n };

export function exactInt(k: number | bigint): Exact {
  return { n: BigInt(k), d: 1n };
}

/**
 * The decimal a spreadsheet user sees for a cell number: Excel keeps 15 significant digits,
 * so 86.40000000000001 (a binary artefact of a formula) is the decimal 86.4.
 */
export function decimalText(x: number): string {
  if (!Number.isFinite(x)) throw new RangeError(`not a finite number: ${x}`);
  if (Number.isInteger(x) && Math.abs(x) < 1e15) return String(x);
  let s = x.toPrecision(15);
  let exp = 0;
  const e = s.indexOf('e');
  if (e >= 0) {
    exp = Number(s.slice(e + 1));
    s = s.slice(0, e);
  }
  const neg = s.startsWith('-');
  if (neg) s = s.slice(1);
  let [int, frac = ''] = s.split('.');
  // shift the decimal point by exp
  if (exp > 0) {
    frac = frac.padEnd(exp, '0');
    int += frac.slice(0, exp);
    frac = frac.slice(exp);
  } else if (exp < 0) {
    frac = int.padStart(-exp, '0') + frac;
    int = '0';
  }
  frac = frac.replace(/0+$/, '');
  int = int.replace(/^0+(?=\d)/, '');
  const body = frac ? `${int}.${frac}` : int;
  return neg && body !== '0' ? `-${body}` : body;
}

/** Parses a plain decimal string ("-12.345", "7", "0.5") exactly. */
export function exactFromDecimal(text: string): Exact {
  const m = /^([+-]?)(\d*)(?:\.(\d*))?$/.exec(text);
  if (!m || (m[2] === '' && (m[3] ?? '') === '')) throw new RangeError(`not a decimal: ${text}`);
  const frac = m[3] ?? '';
  const n = BigInt((m[2] || '0') + frac);
  return { n: m[1] === '-' ? -n : n, d: pow10(frac.length) };
}

/** A cell number as the exact decimal the user sees (15 significant digits). */
export function exactFromNumber(x: number): Exact {
  if (Number.isInteger(x) && Math.abs(x) <= Number.MAX_SAFE_INTEGER) return { n: BigInt(x), d: 1n };
  return exactFromDecimal(decimalText(x));
}

/** A cell number rounded to the 15 significant digits Excel shows (86.40000000000001 → 86.4). */
export function cleanNumber(x: number): number {
  return decimalsUpTo6(x) >= 0 ? x : Number(decimalText(x));
}

/**
 * Exact sum of cell numbers. Fast path: numbers with at most 6 decimals are summed as scaled
 * integers in doubles (exact below 2^53); otherwise through their decimal text.
 */
export function exactSum(values: readonly number[]): Exact {
  let scale = 0;
  for (const v of values) {
    const k = decimalsUpTo6(v);
    if (k < 0) return values.reduce<Exact>((acc, x) => add(acc, exactFromNumber(x)), ZERO);
    if (k > scale) scale = k;
  }
  const f = 10 ** scale;
  let units = 0;
  for (const v of values) units += Math.round(v * f);
  if (!Number.isSafeInteger(units)) return values.reduce<Exact>((acc, x) => add(acc, exactFromNumber(x)), ZERO);
  return { n: BigInt(units), d: pow10(scale) };
}

/** The number of decimals of x when it has at most 6 (as a user typed it), else -1. */
function decimalsUpTo6(x: number): number {
  let f = 1;
  for (let k = 0; k <= 6; k++, f *= 10) {
    if (Math.round(x * f) / f === x && Math.abs(x * f) < 2 ** 52) return k;
  }
  return -1;
}

export function add(a: Exact, b: Exact): Exact {
  if (a.d === b.d) return { n: a.n + b.n, d: a.d };
  return reduce({ n: a.n * b.d + b.n * a.d, d: a.d * b.d });
}

export function sub(a: Exact, b: Exact): Exact {
  return add(a, { n: -b.n, d: b.d });
}

export function mul(a: Exact, b: Exact): Exact {
  return reduce({ n: a.n * b.n, d: a.d * b.d });
}

export function div(a: Exact, b: Exact): Exact {
  if (b.n === 0n) throw new RangeError('division by zero');
  const sign = b.n < 0n ? -1n : 1n;
  return reduce({ n: a.n * b.d * sign, d: a.d * b.n * sign });
}

export function cmp(a: Exact, b: Exact): number {
  const l = a.n * b.d;
  const r = b.n * a.d;
  return l < r ? -1 : l > r ? 1 : 0;
}

export function min(a: Exact, b: Exact): Exact {
  return cmp(a, b) <= 0 ? a : b;
}

export function isZero(a: Exact): boolean {
  return a.n === 0n;
}

function gcd(a: bigint, b: bigint): bigint {
  if (a < 0n) a = -a;
  while (b) [a, b] = [b, a % b];
  return a;
}

function reduce(x: Exact): Exact {
  // Keep denominators small enough to stay fast; exactness does not depend on it.
  if (x.d < 1_000_000_000_000n) return x;
  const g = gcd(x.n, x.d);
  return g > 1n ? { n: x.n / g, d: x.d / g } : x;
}

/**
 * Rounds half away from zero (四舍五入) to `decimals` places and returns the result in units of
 * 10^-decimals (an integer): 89.895 at 2 decimals → 8990.
 */
export function roundHalfUpUnits(x: Exact, decimals: number): bigint {
  const scaled = x.n * pow10(decimals);
  const neg = scaled < 0n;
  const abs = neg ? -scaled : scaled;
  const q = (2n * abs + x.d) / (2n * x.d);
  return neg ? -q : q;
}

/** A published value: rounded once, half-up, decimal-exactly. */
export interface Published {
  /** the value in units of 10^-decimals: compare and rank on this */
  readonly units: number;
  /** the nearest double to the decimal, for writing into cells and JSON */
  readonly value: number;
}

export function publish(x: Exact, decimals: number): Published {
  const units = roundHalfUpUnits(x, decimals);
  return { units: Number(units), value: unitsToNumber(units, decimals) };
}

function unitsToNumber(units: bigint, decimals: number): number {
  // IEEE division of two exactly representable integers is correctly rounded: the nearest
  // double to the decimal, the same as parsing its text
  return Number(units) / 10 ** decimals;
}

/**
 * The ratio of two cell numbers, published (a 得分率): the same as
 * `publish(div(exactFromNumber(a), exactFromNumber(b)), decimals)`, worked in doubles when both
 * have at most 6 decimals and every product stays an exact integer (below 2^53).
 */
export function publishRatio(a: number, b: number, decimals: number): Published {
  const ka = decimalsUpTo6(a);
  const kb = decimalsUpTo6(b);
  if (ka >= 0 && kb >= 0 && b !== 0) {
    // a/b = A·10^kb / (B·10^ka) with A, B the integers the user typed
    const top = Math.abs(Math.round(a * 10 ** ka)) * 10 ** (kb + decimals);
    const bottom = Math.abs(Math.round(b * 10 ** kb)) * 10 ** ka;
    if (Number.isSafeInteger(top) && Number.isSafeInteger(bottom)) {
      let q = Math.floor(top / bottom);
      // the float quotient may be one off; the remainder says which way
      while (q * bottom > top) q--;
      while ((q + 1) * bottom <= top) q++;
      if (2 * (top - q * bottom) >= bottom) q++;
      const units = a < 0 !== b < 0 && q !== 0 ? -q : q;
      return { units, value: units / 10 ** decimals };
    }
  }
  return publish(div(exactFromNumber(a), exactFromNumber(b)), decimals);
}

/** Exact value to a double, for display of intermediate values only (never for ranking). */
export function toNumber(x: Exact): number {
  return Number(x.n) / Number(x.d);
}
