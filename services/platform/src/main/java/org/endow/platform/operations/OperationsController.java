package org.endow.platform.operations;

import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import java.util.List;
import java.util.Map;
import org.endow.platform.mail.FailedMails;
import org.endow.platform.problem.ProblemException;
import org.endow.platform.security.Roles;

/**
 * Operations every service offers to staff under its gateway route ({@code endow.route}, e.g. {@code donations}):
 * {@code /api/<route>/operations/dead-letters} lists
 * what a consumer gave up on; {@code POST .../{id}/replay} sends one back to its topic once the cause is fixed
 * (ADMIN, audited). {@code .../failed-mails} lists the mails the relay gave up on; {@code POST .../failed-mails/{id}/requeue}
 * and {@code POST .../failed-mails/requeue} (all of them) queue them again (ADMIN, audited).
 */
@Controller("/api/${endow.route}/operations")
@Requires(property = "endow.route")
@Requires(property = "endow.messaging.service")
@ExecuteOn(TaskExecutors.BLOCKING)
class OperationsController {

    private final DeadLetters deadLetters;
    private final FailedMails failedMails;

    OperationsController(DeadLetters deadLetters, FailedMails failedMails) {
        this.deadLetters = deadLetters;
        this.failedMails = failedMails;
    }

    @Get("/dead-letters")
    @Secured({Roles.STAFF, Roles.ADMIN})
    List<DeadLetters.Letter> deadLetters(
            @Nullable @QueryValue Boolean includeReplayed, @Nullable @QueryValue Integer limit) {
        return deadLetters.list(Boolean.TRUE.equals(includeReplayed), limit == null ? 100 : limit);
    }

    @Get("/dead-letters/{id}")
    @Secured({Roles.STAFF, Roles.ADMIN})
    DeadLetters.Letter deadLetter(@PathVariable long id) {
        return deadLetters.find(id).orElseThrow(() -> ProblemException.notFound("No dead letter " + id));
    }

    @Post("/dead-letters/{id}/replay")
    @Secured(Roles.ADMIN)
    DeadLetters.Letter replay(@PathVariable long id, Authentication admin) {
        return deadLetters.replay(id, admin.getName());
    }

    @Get("/failed-mails")
    @Secured({Roles.STAFF, Roles.ADMIN})
    List<FailedMails.FailedMail> failedMails(@Nullable @QueryValue Integer limit) {
        return failedMails.list(limit == null ? 100 : limit);
    }

    @Post("/failed-mails/{id}/requeue")
    @Secured(Roles.ADMIN)
    FailedMails.FailedMail requeueMail(@PathVariable long id, Authentication admin) {
        return failedMails.requeue(id, admin.getName());
    }

    /** Every failed mail queued again; answers how many. */
    @Post("/failed-mails/requeue")
    @Secured(Roles.ADMIN)
    Map<String, Integer> requeueMails(Authentication admin) {
        return Map.of("requeued", failedMails.requeueAll(admin.getName()));
    }
}
