/**
 * The boot floor: the smallest application on the platform's stack, started by the boot benchmark to separate what
 * the stack costs at start from what the platform's own code costs. One entity stored at start in a transaction, one
 * JSON resource that reads it, one WebSocket endpoint. Never shipped.
 */
package org.creativecities.benchfloor;
