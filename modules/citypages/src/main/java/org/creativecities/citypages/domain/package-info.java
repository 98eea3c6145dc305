/** The brand page as a value ({@link org.creativecities.citypages.domain.BrandPage}) and its immutable versions. */
package org.creativecities.citypages.domain;
