/**
 * JSON text → value, with syntax errors located by line and column. V8's own messages give no
 * position for most errors (`Unexpected token '}', "…" is not valid JSON`), so on failure the text is
 * re-scanned with jsonc-parser, which reports the offset of the first error.
 */
import { parse as scan, printParseErrorCode, type ParseError } from 'jsonc-parser';
import { IngestError } from './ingestError';

/** 1-based line and column of an offset. */
function lineColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}

const READABLE: Record<string, string> = {
  InvalidSymbol: 'unexpected character',
  InvalidNumberFormat: 'invalid number',
  PropertyNameExpected: 'expected a property name in double quotes',
  ValueExpected: 'expected a value',
  ColonExpected: "expected ':'",
  CommaExpected: "expected ','",
  CloseBraceExpected: "expected '}'",
  CloseBracketExpected: "expected ']'",
  EndOfFileExpected: 'unexpected text after the JSON value',
  InvalidCommentToken: 'comments are not allowed in JSON',
  UnexpectedEndOfComment: 'unterminated comment',
  UnexpectedEndOfString: 'unterminated string',
  UnexpectedEndOfNumber: 'unexpected end of number',
  InvalidUnicode: 'invalid unicode escape',
  InvalidEscapeCharacter: 'invalid escape character',
  InvalidCharacter: 'invalid character in string',
};

/** JSON.parse with a clear IngestError (file, line/column) for truncated or invalid JSON. */
export function parseJsonText(text: string, fileName: string): unknown {
  // A UTF-8 BOM is what PowerShell's Out-File writes; it is not part of the JSON.
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (body.trim() === '') throw new IngestError(fileName, '', 'the file is empty (expected JSON)');
  try {
    return JSON.parse(body) as unknown;
  } catch (cause) {
    const errors: ParseError[] = [];
    scan(body, errors, { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false });
    const first = errors[0];
    const offset = first?.offset ?? body.length;
    const { line, column } = lineColumn(body, offset);
    const code = first ? printParseErrorCode(first.error) : '';
    // A file cut inside a string shows as a string that never closes before the end.
    const truncated = offset >= body.trimEnd().length
      || (code === 'UnexpectedEndOfString' && body.indexOf('"', offset + 1) < 0);
    const what = truncated
      ? 'the JSON ends too early (truncated file?)'
      : first
        ? (READABLE[code] ?? code)
        : cause instanceof Error ? cause.message : 'invalid JSON';
    throw new IngestError(fileName, `line ${line}, column ${column}`, `invalid JSON: ${what}`);
  }
}
