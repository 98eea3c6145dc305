/**
 * Spaces and rooms: where people meet. Every city has a community space, and every creative field has a
 * network-wide space ("Cities of Film"); a context beside the core may own spaces of its own (a project's) through
 * {@link org.creativecities.core.space.SpaceOwner}. A space is public (visitors read, members post) or members-only
 * (hidden from everyone else). Rooms belong to a space and have a kind that names who handles their
 * domain messages: the core's {@code discussion}, or a kind a plugin registers through {@link RoomKinds}.
 * The live traffic of a room is the {@code live} context's business; this one decides who may see, post
 * in and manage what.
 */
package org.creativecities.core.space;
