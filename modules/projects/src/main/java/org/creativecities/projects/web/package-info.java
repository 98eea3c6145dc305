/** The projects API ({@code /api/projects/...}, {@code /api/admin/projects/synonyms}). */
package org.creativecities.projects.web;
