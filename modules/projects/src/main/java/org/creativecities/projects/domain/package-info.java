/** The projects' entities and their repository, on the context's own persistence unit ({@code projects}). */
package org.creativecities.projects.domain;
