// Fixed locale so numbers read the same for every user and in tests: 1,204,331 and 12.5.
const LOCALE = 'en-US';

const integer = new Intl.NumberFormat(LOCALE, { maximumFractionDigits: 0 });
const twoDecimals = new Intl.NumberFormat(LOCALE, { maximumFractionDigits: 2 });
const threeSignificant = new Intl.NumberFormat(LOCALE, { maximumSignificantDigits: 3 });
const oneDecimal = new Intl.NumberFormat(LOCALE, { maximumFractionDigits: 1 });

export const EMPTY = '—';

export function formatInteger(value: number): string {
  return integer.format(value);
}

/**
 * Large values get grouping and two decimals at most; small ones keep three significant digits, and very small
 * ones an exponent (2.1e-10, not 0.00000000021).
 */
export function formatNumber(value: number): string {
  if (Number.isInteger(value)) return integer.format(value);
  if (Math.abs(value) < 1e-4) return value.toExponential(1);
  return Math.abs(value) >= 1 ? twoDecimals.format(value) : threeSignificant.format(value);
}

/** A p-value as the report's sentences give it: p < 0.001, else three decimals. */
export function formatPValue(p: number): string {
  return p < 0.001 ? '< 0.001' : p.toFixed(3);
}

/** A 0–100 score to one decimal, so that 99.7 (a small deduction) does not read as a perfect 100. */
export function formatScore(score: number): string {
  return oneDecimal.format(Math.round(score * 10) / 10);
}

export function formatPercent(value: number): string {
  if (value > 0 && value < 0.1) return '<0.1%';
  return `${oneDecimal.format(value)}%`;
}

const UNITS = ['KB', 'MB', 'GB', 'TB'] as const;

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${integer.format(bytes)} ${bytes === 1 ? 'byte' : 'bytes'}`;
  let value = bytes;
  let unit: string = 'bytes';
  for (const next of UNITS) {
    if (value < 1024) break;
    value /= 1024;
    unit = next;
  }
  return `${oneDecimal.format(value)} ${unit}`;
}

export function formatSeconds(seconds: number): string {
  if (seconds < 1) return `${integer.format(Math.round(seconds * 1000))} ms`;
  if (seconds < 60) return `${oneDecimal.format(seconds)} s`;
  const minutes = Math.floor(seconds / 60);
  return `${minutes} min ${Math.round(seconds - minutes * 60)} s`;
}

const dateTime = new Intl.DateTimeFormat(LOCALE, { dateStyle: 'medium', timeStyle: 'medium' });

/** ISO-8601 from the server, shown in the reader's time zone; unreadable input is shown as sent. */
export function formatDateTime(iso: string | null): string {
  if (!iso) return EMPTY;
  const time = Date.parse(iso);
  return Number.isNaN(time) ? iso : dateTime.format(time);
}

/** Seconds between two ISO-8601 timestamps, or null if either is missing or unreadable. */
export function secondsBetween(fromIso: string | null, toIso: string | null): number | null {
  if (!fromIso || !toIso) return null;
  const from = Date.parse(fromIso);
  const to = Date.parse(toIso);
  return Number.isNaN(from) || Number.isNaN(to) ? null : (to - from) / 1000;
}

const DELIMITERS: Record<string, string> = {
  ',': 'comma (,)',
  ';': 'semicolon (;)',
  '\t': 'tab',
  '|': 'pipe (|)',
  ' ': 'space',
  ':': 'colon (:)',
};

export function describeDelimiter(delimiter: string): string {
  return DELIMITERS[delimiter] ?? describeCharacters(delimiter);
}

const QUOTES: Record<string, string> = {
  '"': 'double quote (")',
  "'": "single quote (')",
};

export function describeQuote(quote: string | null): string {
  if (!quote) return 'none';
  return QUOTES[quote] ?? describeCharacters(quote);
}

function describeCharacters(text: string): string {
  if (text === '') return 'none';
  // Invisible characters are shown by code point so the reader can tell them apart.
  if (/^[\p{L}\p{N}\p{P}\p{S}]+$/u.test(text)) return `"${text}"`;
  return [...text].map((char) => `U+${(char.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`).join(' ');
}

const clock = new Intl.DateTimeFormat(LOCALE, { hour: '2-digit', minute: '2-digit', second: '2-digit', hour12: false });

/** Epoch seconds from the server as a time of day in the reader's zone, e.g. 14:03:27. */
export function formatClock(epochSeconds: number): string {
  return clock.format(epochSeconds * 1000);
}
