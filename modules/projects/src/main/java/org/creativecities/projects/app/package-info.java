/** The projects' use cases: creating and changing projects, membership, needs and their matches, milestones. */
package org.creativecities.projects.app;
