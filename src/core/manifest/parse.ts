/**
 * Reading manifest text: strict JSON (no comments, no trailing commas, so that every JSON tool
 * and the browser's `JSON.parse` agree with us), with positions for every problem.
 */
import {
  findNodeAtLocation,
  type Node,
  type ParseError,
  parse,
  parseTree,
  printParseErrorCode,
} from 'jsonc-parser';
import { failure, type Result, success } from '../result.ts';
import { type JsonPath, type JsonSyntax, type Problem, problem } from './problems.ts';

export interface TextPosition {
  /** 1-based. */
  line: number;
  /** 1-based, in UTF-16 code units (what editors such as VS Code count). */
  column: number;
}

/**
 * The parsed data, or the problem that stopped the parser; duplicate keys are problems of a
 * success (JSON keeps the last one).
 */
export type ParsedManifest = Result<unknown>;

const PARSE_OPTIONS = {
  allowTrailingComma: false,
  disallowComments: true,
  allowEmptyContent: false,
};

/** Windows Notepad saves UTF-8 with a byte-order mark; it is invisible and harmless. */
export const stripBom = (text: string): string =>
  text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;

/**
 * Parses manifest text. Only the first syntax error is reported: after it the parser is guessing,
 * and its later complaints mostly repeat the first one. Duplicate keys are reported too, because
 * JSON silently keeps the last one.
 */
/**
 * Deeper than any manifest needs (ours is ~8 levels); the parser and the schema recurse, so a
 * pathological file (a generator gone wrong) must be stopped before them.
 */
export const MAX_NESTING = 64;

export function parseManifestText(text: string, file: string): ParsedManifest {
  const source = stripBom(text);
  const tooDeep = nestingBeyond(source, MAX_NESTING);
  if (tooDeep !== undefined) {
    const at = createPositionFinder(source)(tooDeep);
    return failure(problem('too-deep', { limit: MAX_NESTING }, file, [], at));
  }
  const errors: ParseError[] = [];
  const data: unknown = parse(source, errors, PARSE_OPTIONS);
  const first = errors[0];
  if (first) return failure(syntaxProblem(source, first, file));
  const root = parseTree(source);
  return success(data, root ? duplicateKeyProblems(source, root, file) : []);
}

/** Offset where brackets outside strings first nest deeper than `limit`, if they do. */
function nestingBeyond(text: string, limit: number): number | undefined {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const char = text.charCodeAt(i);
    if (inString) {
      if (char === 92)
        i++; // backslash: skip the escaped character
      else if (char === 34) inString = false;
    } else if (char === 34) {
      inString = true;
    } else if (char === 123 || char === 91) {
      if (++depth > limit) return i;
    } else if (char === 125 || char === 93) {
      depth--;
    }
  }
  return undefined;
}

/** Turns offsets into line/column; builds the line index once per text. */
export function createPositionFinder(text: string): (offset: number) => TextPosition {
  const lineStarts = [0];
  for (let i = 0; i < text.length; i++) {
    if (text.charCodeAt(i) === 10) lineStarts.push(i + 1);
  }
  return (offset) => {
    let low = 0;
    let high = lineStarts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if ((lineStarts[mid] ?? 0) <= offset) low = mid;
      else high = mid - 1;
    }
    return { line: low + 1, column: offset - (lineStarts[low] ?? 0) + 1 };
  };
}

/** Finds JSON paths in one text; parses it once. */
export interface JsonLocator {
  locate(path: JsonPath): TextPosition | undefined;
}

export function createJsonLocator(text: string): JsonLocator {
  const source = stripBom(text);
  const root = parseTree(source, [], PARSE_OPTIONS);
  const position = createPositionFinder(source);
  return {
    locate(path) {
      const node = root && nearestNode(root, path);
      return node ? position(nodeStart(node)) : undefined;
    },
  };
}

/** 1-based line and column of the node at `path` (or of its nearest existing ancestor). */
export function locateJsonPath(text: string, path: JsonPath): TextPosition | undefined {
  return createJsonLocator(text).locate(path);
}

/** A missing property points at the object that should hold it. */
function nearestNode(root: Node, path: JsonPath): Node | undefined {
  for (let length = path.length; length >= 0; length--) {
    const node = findNodeAtLocation(root, [...path.slice(0, length)]);
    if (node) return node;
  }
  return undefined;
}

/** A property's value is shown at its key: that is where a reader looks for `"target": …`. */
function nodeStart(node: Node): number {
  return node.parent?.type === 'property' ? node.parent.offset : node.offset;
}

function syntaxProblem(text: string, error: ParseError, file: string): Problem {
  const { syntax, offset } = describeSyntaxError(text, error);
  return problem('invalid-json', syntax, file, [], createPositionFinder(text)(offset));
}

function describeSyntaxError(
  text: string,
  error: ParseError,
): { syntax: JsonSyntax; offset: number } {
  const code = printParseErrorCode(error.error);
  const at = error.offset;
  if (text.trim() === '') return { syntax: { error: 'empty' }, offset: 0 };
  const comma = trailingCommaBefore(text, at);
  if (comma !== undefined && (code === 'ValueExpected' || code === 'PropertyNameExpected')) {
    return { syntax: { error: 'trailing-comma' }, offset: comma };
  }
  if (code === 'InvalidSymbol') return { syntax: invalidSymbol(text, error), offset: at };
  return { syntax: syntaxOf(code), offset: at };
}

function syntaxOf(code: ReturnType<typeof printParseErrorCode>): JsonSyntax {
  switch (code) {
    case 'CommaExpected':
      return { error: 'missing-comma' };
    case 'InvalidCommentToken':
    case 'UnexpectedEndOfComment':
      return { error: 'comment' };
    case 'UnexpectedEndOfString':
    case 'InvalidCharacter':
      return { error: 'unclosed-text' };
    case 'InvalidEscapeCharacter':
    case 'InvalidUnicode':
      return { error: 'backslash' };
    case 'CloseBraceExpected':
      return { error: 'missing-close', close: '}', open: '{' };
    case 'CloseBracketExpected':
      return { error: 'missing-close', close: ']', open: '[' };
    case 'ColonExpected':
      return { error: 'missing-colon' };
    case 'PropertyNameExpected':
      return { error: 'field-name-expected' };
    case 'ValueExpected':
      return { error: 'value-expected' };
    case 'EndOfFileExpected':
      return { error: 'extra-content' };
    case 'InvalidNumberFormat':
    case 'UnexpectedEndOfNumber':
      return { error: 'bad-number' };
    default:
      return { error: 'other' };
  }
}

function invalidSymbol(text: string, error: ParseError): JsonSyntax {
  const symbol = text.slice(error.offset, error.offset + error.length);
  if (symbol.startsWith("'")) return { error: 'single-quotes' };
  if (/^[\p{L}\p{N}_]+$/u.test(symbol)) return { error: 'bare-word', word: symbol };
  return { error: 'other' };
}

/** Offset of a comma directly before `offset` (whitespace between), if any. */
function trailingCommaBefore(text: string, offset: number): number | undefined {
  if (!/[\]}]/.test(text.charAt(offset))) return undefined;
  let i = offset - 1;
  while (i >= 0 && /\s/.test(text.charAt(i))) i--;
  return text.charAt(i) === ',' ? i : undefined;
}

function duplicateKeyProblems(text: string, root: Node, file: string): Problem[] {
  const position = createPositionFinder(text);
  const problems: Problem[] = [];
  const visit = (node: Node, path: JsonPath): void => {
    if (node.type === 'array') {
      for (const [index, child] of (node.children ?? []).entries()) visit(child, [...path, index]);
      return;
    }
    if (node.type !== 'object') return;
    const seen = new Set<string>();
    for (const property of node.children ?? []) {
      const [key, value] = property.children ?? [];
      if (key?.type !== 'string') continue;
      const name = String(key.value);
      if (seen.has(name)) {
        const at = position(property.offset);
        problems.push(problem('duplicate-key', { key: name }, file, [...path, name], at));
      }
      seen.add(name);
      if (value) visit(value, [...path, name]);
    }
  };
  visit(root, []);
  return problems;
}
