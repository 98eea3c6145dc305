package org.creativecities.core.live;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.creativecities.core.identity.Caller;
import org.creativecities.core.platform.TimeSource;
import org.creativecities.core.platform.web.Page;
import org.creativecities.core.platform.web.PageRequest;
import org.creativecities.core.platform.web.ProblemException;

/** A person's mentions: the ones they were given, newest first, and marking them read. Only their own. */
@ApplicationScoped
public class MentionInbox {

    @Inject
    private MentionRepository mentions;

    @Inject
    private TimeSource time;

    /** The caller's mentions, newest first. */
    @Transactional
    public Page<Mention> mentions(Caller.Identity who, boolean unreadOnly, PageRequest page) {
        return page.of(mentions.of(who.id(), unreadOnly, page.offset(), page.size()),
                mentions.count(who.id(), unreadOnly));
    }

    @Transactional
    public void markRead(Caller.Identity who, long mentionId) {
        mentions.find(mentionId).filter(m -> m.accountId() == who.id())
                .orElseThrow(() -> ProblemException.notFound("Mention", String.valueOf(mentionId)))
                .markRead(time.now());
    }

    @Transactional
    public int markAllRead(Caller.Identity who) {
        return mentions.markAllRead(who.id(), time.now());
    }
}
