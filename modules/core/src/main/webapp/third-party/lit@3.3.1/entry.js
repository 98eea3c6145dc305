// Everything of Lit the UI imports, as one module (README.md): the import map points "lit" and these directives at it.
export * from 'lit';
export { Directive, directive, PartType } from 'lit/directive.js';
export { repeat } from 'lit/directives/repeat.js';
export { until } from 'lit/directives/until.js';
