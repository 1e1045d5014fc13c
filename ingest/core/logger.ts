import { z } from 'zod';
import { readEnv } from './readEnv.js';

/**
 * Structured logging for every part of newsdesk: JSON lines on stderr when it is not a terminal
 * (for log collectors), short readable lines when it is. Fields whose names look like secrets
 * are never written, nor are the secret values it is given, wherever they appear. What it logs
 * often comes from outside (file names, link targets, error messages quoting them), so no control
 * character reaches the output raw: one call writes one line, and no escape sequence written by
 * someone else moves the cursor, recolours or clears the reader's terminal.
 */

const LOG_LEVELS = ['debug', 'info', 'warn', 'error', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];
export type LogFields = Record<string, unknown>;
export type Logger = {
  debug(message: string, fields?: LogFields): void;
  info(message: string, fields?: LogFields): void;
  warn(message: string, fields?: LogFields): void;
  error(message: string, fields?: LogFields): void;
};

/**
 * C0 and C1 controls (ESC starts every terminal escape sequence; U+009B is a one-character CSI),
 * DEL, the Unicode line and paragraph separators, and the bidirectional controls that reorder how
 * a line is shown.
 */
// eslint-disable-next-line no-control-regex -- finding control characters is what it is for
const CONTROLS = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;
const SHORT_ESCAPES: Readonly<Record<string, string>> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

/**
 * `text` with every control character written as an escape (`\n`, `\u001b`…), as JSON writes
 * them: on one line and inert on a terminal, and still valid inside a JSON string.
 */
export function escapeControls(text: string): string {
  return text.replace(CONTROLS, (c) => SHORT_ESCAPES[c] ?? `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** A message on a terminal: its own line breaks kept, each following line indented as part of it; every other control escaped. */
function escapeMessage(message: string): string {
  return message.split('\n').map(escapeControls).join('\n  ');
}

const ORDER: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40, silent: 100 };
const SECRET_FIELD = /token|secret|password|authorization|api[-_]?key/i;

function sanitize(fields: LogFields): LogFields {
  const out: LogFields = {};
  for (const [key, value] of Object.entries(fields)) {
    if (SECRET_FIELD.test(key)) out[key] = '[redacted]';
    else if (value instanceof Error) out[key] = { name: value.name, message: value.message, stack: value.stack };
    else out[key] = value;
  }
  return out;
}

/** The values of the environment variables whose names look like secrets (DISCORD_TOKEN, OPENAI_API_KEY…). */
export function secretValuesOf(env: NodeJS.ProcessEnv): string[] {
  // Shorter values are no secret worth the name, and would blank out ordinary words.
  return Object.entries(env).flatMap(([name, value]) =>
    SECRET_FIELD.test(name) && value && value.trim().length >= 8 ? [value.trim()] : [],
  );
}

export type LoggerOptions = {
  level?: LogLevel;
  json?: boolean;
  write?: (line: string) => void;
  /** Values replaced by "[redacted]" wherever they appear in a line (an error message quoting a request, a stack). */
  secrets?: readonly string[];
};

export function createLogger(options: LoggerOptions = {}): Logger {
  const level = options.level ?? loadLogLevel();
  const json = options.json ?? !process.stderr.isTTY;
  const writeLine = options.write ?? ((line: string) => process.stderr.write(`${line}\n`));
  const secrets = options.secrets ?? [];
  const write = (line: string) => writeLine(secrets.reduce((text, secret) => text.replaceAll(secret, '[redacted]'), line));
  const log =
    (at: Exclude<LogLevel, 'silent'>) =>
    (message: string, fields: LogFields = {}) => {
      if (ORDER[at] < ORDER[level]) return;
      const clean = sanitize(fields);
      if (json) {
        // JSON escapes C0 itself; the rest (C1, separators, bidi controls) only appears inside its strings, where an escape is valid.
        write(escapeControls(JSON.stringify({ time: new Date().toISOString(), level: at, msg: message, ...clean })));
      } else {
        const extra = Object.entries(clean)
          .filter(([, v]) => v !== undefined)
          .map(([k, v]) => `${k}=${escapeControls(typeof v === 'string' ? v : JSON.stringify(v))}`)
          .join(' ');
        write(`${at === 'info' ? '' : `${at}: `}${escapeMessage(message)}${extra ? `  ${extra}` : ''}`);
      }
    };
  return { debug: log('debug'), info: log('info'), warn: log('warn'), error: log('error') };
}

const logEnvSchema = z.object({
  LOG_LEVEL: z.preprocess((value) => (typeof value === 'string' ? value.trim().toLowerCase() : value), z.enum(LOG_LEVELS).default('info')),
});

/** LOG_LEVEL (any case; `info` when unset); throws CONFIG_INVALID naming it when it is not a level. */
export function loadLogLevel(env: NodeJS.ProcessEnv = process.env): LogLevel {
  return readEnv(logEnvSchema, env).LOG_LEVEL;
}
