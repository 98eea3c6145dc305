/** What the city pages take from the other contexts: works as highlights. */
package org.creativecities.citypages.integration;
