/**
 * The OpenAPI document at {@code /openapi}: {@link org.creativecities.core.openapi.ApiDocumentFilter} completes
 * what Payara generates from the resources' annotations so that the document is valid OpenAPI 3 and says
 * everything an operation can answer (problem documents, 401/403, typed query parameters, constraints).
 */
package org.creativecities.core.openapi;
