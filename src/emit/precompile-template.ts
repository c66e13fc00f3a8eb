import Handlebars from 'handlebars';

/**
 * How every template is compiled. `noEscape`: the output is TypeScript and Markdown, not HTML, and
 * views arrive already escaped for their context. `strict`: a template naming a missing field fails
 * loudly. Both are compile-time options, so precompiled templates carry them too.
 */
export const TEMPLATE_OPTIONS = { noEscape: true, strict: true } as const;

/** Compiles a template's source in this process (override folders, or no precompiled module). */
export function compileTemplate(source: string): Handlebars.TemplateDelegate {
  // compile() parses lazily, on first render; parsing here reports syntax errors as such.
  return Handlebars.create().compile(Handlebars.parse(source), TEMPLATE_OPTIONS);
}

/**
 * A built-in template precompiled, as the source of an ES module, for scripts/build-templates.mjs:
 * rendering from it needs only Handlebars' small runtime, not its compiler (which, with the
 * source-map package it loads, is most of a small document's generation time). The module keeps
 * the template's text so that a template edited after the build is noticed and compiled instead.
 */
export function precompiledTemplateModule(source: string): string {
  return `export const source = ${JSON.stringify(source)};\nexport const spec = ${Handlebars.precompile(source, TEMPLATE_OPTIONS)};\n`;
}
