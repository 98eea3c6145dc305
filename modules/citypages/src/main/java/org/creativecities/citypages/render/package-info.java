/** The city's public page as HTML for the UI shell: meta and OpenGraph tags, JSON-LD and a first view. */
package org.creativecities.citypages.render;
