/**
 * A text work's Markdown as safe HTML ({@link org.creativecities.works.markdown.WorkRenderer}): one rendering for
 * the API's representation of a work, its first view, its public page and its feeds, so that a work reads the same
 * wherever it is shown. It depends on nothing else of the works context.
 */
package org.creativecities.works.markdown;
