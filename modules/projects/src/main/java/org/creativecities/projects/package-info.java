/**
 * Cross-city projects (issue 16): several cities and fields around a goal, with members from any city in roles
 * (lead, member), join requests for open projects and invitations by a lead, needs for expertise matched against
 * the core's expertise directory (accent- and case-insensitive, tolerant of near-synonyms), and milestones. This
 * context builds on the core's identity, cities, fields, memberships and profiles; the core never depends on it.
 */
package org.creativecities.projects;
