package com.example.shop.customer.survey;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Sends due survey invitations every {@code shop.surveys.poll-interval}. */
@Component
@ConditionalOnProperty(name = "shop.surveys.invitations.enabled", havingValue = "true", matchIfMissing = true)
class SurveyInvitationJob {

    private static final Logger log = LoggerFactory.getLogger(SurveyInvitationJob.class);

    private final Surveys surveys;

    SurveyInvitationJob(Surveys surveys) {
        this.surveys = surveys;
    }

    @Scheduled(fixedDelayString = "${shop.surveys.poll-interval:1s}", initialDelayString = "${shop.surveys.poll-interval:1s}")
    void run() {
        try {
            int published = surveys.publishDue();
            if (published > 0) {
                log.info("Published {} survey invitation(s)", published);
            }
        }
        catch (RuntimeException ex) {
            // The next run tries again; a failed run rolled back, so nothing was marked as sent.
            log.warn("Survey invitations failed, retrying on the next run: {}", ex.toString());
        }
    }
}
