/**
 * The live-room engine: one WebSocket endpoint ({@code /ws}), its protocol (see {@code docs/protocol.md}),
 * the sequenced event log of each room, presence, typing, fan-out and the limits that keep one client from
 * hurting the others. The database is the source of truth: an event is stored with the room's next sequence
 * number, committed, acknowledged to its sender, and only then broadcast, in sequence order, encoded once
 * and queued per session in a bounded queue.
 */
package org.creativecities.core.live;
