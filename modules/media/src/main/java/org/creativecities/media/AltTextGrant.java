package org.creativecities.media;

/**
 * Another context's say in who, besides its uploader, may give an image its <em>first</em> alt text. When someone
 * describes an image they did not upload and that has no alt text yet, the media context asks every CDI bean that
 * implements this interface; one yes is enough. Once an image has alt text, only its uploader changes it.
 *
 * <p>The works context implements it so that co-authors are not stuck: a fellow author of a work that shows the image,
 * which its uploader writes too, may describe it (publishing needs every image described). The media context depends
 * on no other context: they depend on it and implement this.
 */
public interface AltTextGrant {

    /**
     * Whether {@code accountId} may give {@code media} (an image that has no alt text yet, uploaded by someone else)
     * its alt text. Called inside no transaction; an implementation opens its own to read.
     */
    boolean mayDescribe(long accountId, MediaInfo media);
}
