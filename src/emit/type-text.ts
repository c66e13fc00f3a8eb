import type { ObjectNode, PrimitiveName, PropertyNode, TypeNode } from '../model/index.js';
import { docComment, literal, propertyKey } from './escape.js';
import { noteTags } from './value-notes-doc.js';

export interface TypeTextOptions {
  /** Emitted identifier for a named type key (the planner decides names; you just call this). */
  refName: (key: string) => string;
  /** Indentation unit, default two spaces; current depth handled internally. */
  indentUnit?: string;
}

/**
 * Renders a type tree as TypeScript type text. Objects are multi-line blocks indented from
 * `indent` (the indentation of the line the text starts on), except small ones that read better
 * inline: `Record<string, unknown>`, `{ [key: string]: T }` and a single undocumented property
 * `{ id: string }`.
 *
 * Property flags become JSDoc tags (`@readonly`, `@writeonly`, `@deprecated`), not modifiers: the
 * same type describes requests and responses, and a TS `readonly` would not say "absent from requests".
 *
 * When an object has both properties and a typed index signature, TypeScript requires every
 * property type to fit the index type, so the index type is the union of the extra-property type
 * and the property types (or `unknown` when one of them spans several lines).
 *
 * Text is appended to one buffer and joined once: linear in the output size.
 */
export function typeToText(node: TypeNode, options: TypeTextOptions, indent = ''): string {
  // A one-member union or intersection is just its member, wherever it sits.
  while ((node.kind === 'union' || node.kind === 'intersection') && node.members.length === 1) node = node.members[0];
  // most texts asked for are a bare name (an error body, a result, an argument: `T.BasicError`): no writer for those
  if (node.kind === 'ref') return options.refName(node.target);
  if (node.kind === 'primitive') return primitiveText(node.name);
  const writer = new TypeWriter(options.refName, options.indentUnit ?? '  ');
  writer.write(node, 'top', indent);
  return writer.text();
}

/** Where a type sits, which decides whether it needs parentheses. */
type Position = 'top' | 'union' | 'intersection' | 'array';

class TypeWriter {
  private readonly parts: string[] = [];
  // a Map, not a WeakMap: it dies with the writer (one per type written), and weak entries cost the collector more;
  // made on first use, as most types written have no object to ask about
  private multiline: Map<TypeNode, boolean> | undefined;

  constructor(
    private readonly refName: (key: string) => string,
    private readonly unit: string,
  ) {}

  text(): string {
    return this.parts.join('');
  }

  write(node: TypeNode, position: Position, indent: string): void {
    // A one-member union or intersection is just its member, wherever it sits.
    while ((node.kind === 'union' || node.kind === 'intersection') && node.members.length === 1) node = node.members[0];
    const parens = needsParens(node, position);
    if (parens) this.parts.push('(');
    this.writeBare(node, indent);
    if (parens) this.parts.push(')');
  }

  private writeBare(node: TypeNode, indent: string): void {
    switch (node.kind) {
      case 'primitive':
        this.parts.push(primitiveText(node.name));
        return;
      case 'literal':
        this.parts.push(literal(node.value));
        return;
      case 'ref':
        this.parts.push(this.refName(node.target));
        return;
      case 'array':
        this.write(node.items, 'array', indent);
        this.parts.push('[]');
        return;
      case 'tuple':
        this.writeTuple(node.items, node.rest, indent);
        return;
      case 'union':
        this.writeJoined(node.members, ' | ', 'union', 'never', indent);
        return;
      case 'intersection':
        this.writeJoined(node.members, ' & ', 'intersection', 'unknown', indent);
        return;
      case 'object':
        this.writeObject(node, indent);
        return;
    }
  }

  private writeJoined(members: TypeNode[], separator: string, position: Position, empty: string, indent: string): void {
    if (members.length === 0) {
      this.parts.push(empty);
      return;
    }
    members.forEach((member, i) => {
      if (i > 0) this.parts.push(separator);
      this.write(member, position, indent);
    });
  }

  private writeTuple(items: TypeNode[], rest: TypeNode | undefined, indent: string): void {
    this.parts.push('[');
    items.forEach((item, i) => {
      if (i > 0) this.parts.push(', ');
      this.write(item, 'top', indent);
    });
    if (rest !== undefined) {
      this.parts.push(items.length > 0 ? ', ...' : '...');
      this.write(rest, 'array', indent);
      this.parts.push('[]');
    }
    this.parts.push(']');
  }

  private writeObject(node: ObjectNode, indent: string): void {
    const { properties, additional } = node;
    if (properties.length === 0) {
      if (additional === undefined) this.parts.push('Record<string, never>');
      else if (additional === true) this.parts.push('Record<string, unknown>');
      else this.writeInline((at) => this.writeIndexSignature(node, at), indent, additional);
      return;
    }
    if (this.isCompact(node)) {
      this.writeInline((at) => this.writeProperty(properties[0], at), indent, properties[0].type);
      return;
    }
    const inner = indent + this.unit;
    this.parts.push('{\n');
    for (const property of properties) {
      this.parts.push(docComment([property.description, tags(property)], inner), inner);
      this.writeProperty(property, inner);
      this.parts.push(';\n');
    }
    if (additional !== undefined) {
      this.parts.push(inner);
      this.writeIndexSignature(node, inner);
      this.parts.push(';\n');
    }
    this.parts.push(indent, '}');
  }

  /** `{ member }` on one line, or as a block when the member's type spans lines anyway. */
  private writeInline(member: (indent: string) => void, indent: string, memberType: TypeNode): void {
    if (!this.isMultiline(memberType)) {
      this.parts.push('{ ');
      member(indent);
      this.parts.push(' }');
      return;
    }
    // Only reachable for index signatures: compact properties are single-line by definition.
    const inner = indent + this.unit;
    this.parts.push('{\n', inner);
    member(inner);
    this.parts.push(';\n', indent, '}');
  }

  private writeProperty(property: PropertyNode, indent: string): void {
    this.parts.push(propertyKey(property.name), property.required ? ': ' : '?: ');
    this.write(property.type, 'top', indent);
  }

  private writeIndexSignature(node: ObjectNode, indent: string): void {
    this.parts.push('[key: string]: ');
    if (node.additional === true || node.additional === undefined) {
      this.parts.push('unknown');
      return;
    }
    if (node.properties.length === 0) {
      this.write(node.additional, 'top', indent);
      return;
    }
    this.parts.push(this.indexTypeText(node.additional, node.properties));
  }

  /** The extra-property type widened by every declared property's type, so strict mode accepts it. */
  private indexTypeText(additional: TypeNode, properties: PropertyNode[]): string {
    const members: TypeNode[] = [];
    for (const type of [additional, ...properties.map((p) => p.type)]) {
      if (this.isMultiline(type)) return 'unknown';
      if (type.kind === 'primitive' && type.name === 'unknown') return 'unknown';
      if (type.kind === 'union') members.push(...type.members);
      else members.push(type);
    }
    const texts = new Set<string>();
    for (const member of members) {
      const writer = new TypeWriter(this.refName, this.unit);
      writer.write(member, members.length === 1 ? 'top' : 'union', '');
      texts.add(writer.text());
    }
    if (properties.some((p) => !p.required)) texts.add('undefined');
    return [...texts].join(' | ');
  }

  /** One property, undocumented, single-line, no index signature: reads best as `{ id: string }`. */
  private isCompact(node: ObjectNode): boolean {
    if (node.properties.length !== 1 || node.additional !== undefined) return false;
    const [property] = node.properties;
    return tags(property) === undefined && !property.description?.trim() && !this.isMultiline(property.type);
  }

  private isMultiline(node: TypeNode): boolean {
    const cached = this.multiline?.get(node);
    if (cached !== undefined) return cached;
    const result = this.computeMultiline(node);
    (this.multiline ??= new Map()).set(node, result);
    return result;
  }

  private computeMultiline(node: TypeNode): boolean {
    switch (node.kind) {
      case 'primitive':
      case 'literal':
      case 'ref':
        return false;
      case 'array':
        return this.isMultiline(node.items);
      case 'tuple':
        return node.items.some((i) => this.isMultiline(i)) || (node.rest !== undefined && this.isMultiline(node.rest));
      case 'union':
      case 'intersection':
        return node.members.some((m) => this.isMultiline(m));
      case 'object':
        if (node.properties.length === 0) return node.additional !== undefined && node.additional !== true && this.isMultiline(node.additional);
        return !this.isCompact(node);
    }
  }
}

function primitiveText(name: PrimitiveName): string {
  return name === 'ByteStream' ? 'ReadableStream<Uint8Array>' : name;
}

function needsParens(node: TypeNode, position: Position): boolean {
  switch (node.kind) {
    case 'union':
      return node.members.length > 1 && position !== 'top';
    case 'intersection':
      // `&` binds tighter than `|`, but `(A & B) | C` is easier to read.
      return node.members.length > 1 && (position === 'union' || position === 'array');
    case 'literal':
      return position === 'array' && typeof node.value === 'number' && node.value < 0;
    default:
      return false;
  }
}

function tags(property: PropertyNode): string | undefined {
  // one per property written: most have no tag, so no list to build and join
  let lines = noteTags(property.notes);
  if (property.readOnly) lines = lines === undefined ? '@readonly' : `${lines}\n@readonly`;
  if (property.writeOnly) lines = lines === undefined ? '@writeonly' : `${lines}\n@writeonly`;
  if (property.deprecated) lines = lines === undefined ? '@deprecated' : `${lines}\n@deprecated`;
  return lines;
}
