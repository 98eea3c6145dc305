/**
 * HTTP plumbing: RFC 9457 problem details for every error, request ids and access logs, request body
 * limits, strict query parameters and pagination.
 */
package org.creativecities.core.platform.web;
