/**
 * Recent public activity of the network, for the home page: cities that joined, people who joined a city,
 * rooms opened and conversations in public spaces. It reads the other contexts' tables and owns none; nothing
 * depends on it.
 */
package org.creativecities.core.activity;
