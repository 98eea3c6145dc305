/**
 * The city pages' use cases ({@link org.creativecities.citypages.app.BrandService}), their rules, views and bodies,
 * and the extension point for what a city can pin ({@link org.creativecities.citypages.app.HighlightSource}).
 */
package org.creativecities.citypages.app;
