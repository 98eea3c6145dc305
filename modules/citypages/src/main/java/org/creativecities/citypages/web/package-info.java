/** The city pages' HTTP face: the brand page API, its history, and the mapping of failures to problem documents. */
package org.creativecities.citypages.web;
