/**
 * Data written as JavaScript by other tools (Marzipano's `var APP_DATA = {…}`, Pannellum's
 * `pannellum.viewer('panorama', {…})` inside a script or a web page), read with a real parser
 * and evaluated as *data only*: objects, arrays, strings, numbers, booleans, null, a minus sign
 * and template literals without expressions. Nothing is ever run — a function or any other
 * expression is dropped, and a warning names its key. Pure: no files.
 */
import { parse, type Node } from 'acorn';
import { type ImportWarning, type Json, isRecord, warn } from './common.ts';

/** What the parser says is wrong, or the data found with what had to be dropped from it. */
export type ScriptData =
  | { ok: true; data: Json; warnings: ImportWarning[] }
  | { ok: false; reason: 'syntax'; detail: string }
  | { ok: false; reason: 'not-found' };

export type AnyNode = Node & Record<string, unknown>;

/** Parses as a script, then as a module (a page's `<script type="module">`); undefined if neither. */
export function parseProgram(code: string): { program?: AnyNode; detail: string } {
  let detail = '';
  for (const sourceType of ['script', 'module'] as const) {
    try {
      const program = parse(code, {
        ecmaVersion: 'latest',
        sourceType,
        allowHashBang: true,
        allowReturnOutsideFunction: true,
      }) as unknown as AnyNode;
      return { program, detail: '' };
    } catch (error) {
      detail ||= (error as Error).message;
    }
  }
  return { detail };
}

/** Every node below `node`, depth first (a small walker: acorn-walk is not needed for this). */
export function* nodes(node: unknown): Generator<AnyNode> {
  if (Array.isArray(node)) {
    for (const item of node) yield* nodes(item);
    return;
  }
  if (!isRecord(node) || typeof node.type !== 'string') return;
  yield node as AnyNode;
  for (const [key, value] of Object.entries(node))
    if (key !== 'type' && typeof value === 'object' && value !== null) yield* nodes(value);
}

const isName = (node: unknown, name: string): boolean =>
  isRecord(node) && node.type === 'Identifier' && node.name === name;

/** The object literal assigned to `name` (`var name = {…}`, `name = {…}`, `window.name = {…}`). */
function assignedObject(program: AnyNode, name: string): AnyNode | undefined {
  for (const node of nodes(program)) {
    if (node.type === 'VariableDeclarator' && isName(node.id, name)) {
      const init = node.init as AnyNode | null;
      if (init?.type === 'ObjectExpression') return init;
    }
    if (node.type === 'AssignmentExpression') {
      const left = node.left as AnyNode;
      const target =
        left.type === 'MemberExpression' && !left.computed ? (left.property as AnyNode) : left;
      const right = node.right as AnyNode;
      if (isName(target, name) && right.type === 'ObjectExpression') return right;
    }
  }
  return undefined;
}

function propertyName(property: AnyNode): string | undefined {
  const key = property.key as AnyNode;
  if (property.computed) return undefined;
  if (key.type === 'Identifier') return key.name as string;
  if (key.type === 'Literal' && ['string', 'number'].includes(typeof key.value))
    return String(key.value);
  return undefined;
}

const DROPPED = Symbol('dropped');

/** The literal value of `node`, or DROPPED (with a warning naming `path`) for anything else. */
function literal(node: AnyNode, path: string, warnings: ImportWarning[]): unknown {
  switch (node.type) {
    case 'ObjectExpression': {
      const out: Json = {};
      for (const property of node.properties as AnyNode[]) {
        const name = property.type === 'Property' ? propertyName(property) : undefined;
        if (name === undefined || property.kind !== 'init') {
          warnings.push(
            warn(
              path || '(config)',
              'Bỏ một mục không phải dữ liệu (khoá tính toán, "..." hoặc get/set).',
              'An entry that is not plain data (computed key, "..." or get/set) was dropped.',
            ),
          );
          continue;
        }
        const where = path ? `${path}.${name}` : name;
        const value = literal(property.value as AnyNode, where, warnings);
        if (value !== DROPPED) out[name] = value;
      }
      return out;
    }
    case 'ArrayExpression':
      return (node.elements as Array<AnyNode | null>).flatMap((element, i) => {
        if (!element) return [];
        const value = literal(element, `${path}[${i}]`, warnings);
        return value === DROPPED ? [] : [value];
      });
    case 'Literal': {
      const value = node.value;
      if (value === null || ['string', 'number', 'boolean'].includes(typeof value)) return value;
      break;
    }
    case 'UnaryExpression': {
      const argument = node.argument as AnyNode;
      if (
        (node.operator === '-' || node.operator === '+') &&
        argument.type === 'Literal' &&
        typeof argument.value === 'number'
      )
        return node.operator === '-' ? -argument.value : argument.value;
      break;
    }
    case 'TemplateLiteral': {
      const quasis = node.quasis as AnyNode[];
      if ((node.expressions as unknown[]).length === 0 && quasis.length === 1) {
        const cooked = (quasis[0]!.value as { cooked?: string | null }).cooked;
        if (typeof cooked === 'string') return cooked;
      }
      break;
    }
  }
  const isFunction = /Function/.test(node.type) || node.type === 'Identifier';
  warnings.push(
    isFunction
      ? warn(
          path,
          `Bỏ hàm "${lastKey(path)}": chỉ đọc dữ liệu, không chạy mã.`,
          `Function "${lastKey(path)}" dropped: only data is read, code is never run.`,
        )
      : warn(
          path,
          `Bỏ biểu thức ở "${lastKey(path)}": chỉ đọc dữ liệu, không chạy mã.`,
          `Expression at "${lastKey(path)}" dropped: only data is read, code is never run.`,
        ),
  );
  return DROPPED;
}

const lastKey = (path: string) =>
  path
    .replace(/\[\d+\]$/, '')
    .split('.')
    .pop() ?? path;

function evaluate(object: AnyNode): ScriptData {
  const warnings: ImportWarning[] = [];
  const data = literal(object, '', warnings);
  return { ok: true, data: data as Json, warnings };
}

/**
 * Marzipano's data.js: the object assigned to `APP_DATA`, or else the first object literal
 * holding a `scenes` key — whatever its formatting (Prettier's quotes, bare keys, commas).
 */
export function readAssignedData(code: string, name = 'APP_DATA'): ScriptData {
  const { program, detail } = parseProgram(code);
  if (!program) return { ok: false, reason: 'syntax', detail };
  const named = assignedObject(program, name);
  if (named) return evaluate(named);
  for (const node of nodes(program))
    if (
      node.type === 'ObjectExpression' &&
      (node.properties as AnyNode[]).some(
        (p) => p.type === 'Property' && propertyName(p) === 'scenes',
      )
    )
      return evaluate(node);
  return { ok: false, reason: 'not-found' };
}

/** `pannellum.viewer(container, config)`: the config object, written inline or in a variable. */
function pannellumConfig(program: AnyNode): AnyNode | undefined {
  for (const node of nodes(program)) {
    if (node.type !== 'CallExpression') continue;
    const callee = node.callee as AnyNode;
    if (
      callee.type !== 'MemberExpression' ||
      !isName(callee.object, 'pannellum') ||
      !isName(callee.property, 'viewer')
    )
      continue;
    const config = (node.arguments as AnyNode[])[1];
    if (config?.type === 'ObjectExpression') return config;
    if (config?.type === 'Identifier') {
      const assigned = assignedObject(program, config.name as string);
      if (assigned) return assigned;
    }
  }
  return undefined;
}

/** The inline scripts of a web page (those with a `src` load another file: not ours to read). */
export function inlineScripts(html: string): string[] {
  const scripts: string[] = [];
  for (const match of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script\s*>/gi)) {
    const attributes = match[1] ?? '';
    const type = /\btype\s*=\s*["']?([^"'\s>]+)/i.exec(attributes)?.[1]?.toLowerCase();
    if (/\bsrc\s*=/i.test(attributes)) continue;
    if (type && !/^(text\/javascript|application\/javascript|module)$/.test(type)) continue;
    scripts.push(match[2] ?? '');
  }
  return scripts;
}

/**
 * Pannellum's configuration from a `.js` file or a web page (`html: true`: each inline script
 * in turn). A `.json` file that JSON.parse refuses (trailing commas, comments) comes here too:
 * a lone object literal counts as the configuration.
 */
export function readPannellumScript(code: string, html = false): ScriptData {
  let syntax: ScriptData | undefined;
  for (const script of html ? inlineScripts(code) : [code]) {
    const { program, detail } = parseProgram(script);
    if (!program) {
      // A lone object (a .json with comments or trailing commas) is not a valid statement.
      const wrapped = parseProgram(`(${script}\n)`).program;
      const body = (wrapped?.body as AnyNode[] | undefined)?.[0];
      const expression = body?.expression as AnyNode | undefined;
      if (expression?.type === 'ObjectExpression') return evaluate(expression);
      syntax ??= { ok: false, reason: 'syntax', detail };
      continue;
    }
    const config = pannellumConfig(program);
    if (config) return evaluate(config);
  }
  return syntax ?? { ok: false, reason: 'not-found' };
}
