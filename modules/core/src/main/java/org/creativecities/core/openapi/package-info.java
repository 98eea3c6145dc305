/**
 * The OpenAPI document at {@code /openapi}: {@link org.creativecities.core.openapi.ApiDocumentFilter} completes
 * what Payara generates from the resources' annotations so that the document is valid OpenAPI 3 and says
 * everything an operation can answer (problem documents, 401/403, typed query parameters, constraints);
 * {@link org.creativecities.core.openapi.PluginPathsFilter} adds the running plugins' own routes each time the
 * document is served, since plugins come and go after Payara built it.
 */
package org.creativecities.core.openapi;
