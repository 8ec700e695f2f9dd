package org.endow.fellows.nominations.infrastructure;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import java.time.Duration;
import java.util.List;

/**
 * {@code endow.fellows.*} (env e.g. {@code ENDOW_FELLOWS_RULE}, {@code ENDOW_FELLOWS_CUT_OFFS}): the
 * calendar, the voting rule, the reminder, how long a nominee stays active, and the portal's address.
 *
 * @param cutOffs month-days, e.g. {@code 02-20}
 * @param rule {@code MAJORITY_OF_CAST} or {@code TWO_THIRDS_OF_CAST}
 */
@ConfigurationProperties("endow.fellows")
record FellowsProperties(
        @Bindable(defaultValue = "http://localhost:8080") String portalUrl,
        List<String> cutOffs,
        @Bindable(defaultValue = "20") int reviewEndDay,
        @Bindable(defaultValue = "MAJORITY_OF_CAST") String rule,
        @Bindable(defaultValue = "0") int quorumPercent,
        @Bindable(defaultValue = "false") boolean veto,
        @Bindable(defaultValue = "3") int reminderDays,
        @Bindable(defaultValue = "12") int activeForMonths,
        @Bindable(defaultValue = "true") boolean tellNomineeOnlyWhenApproved,
        @Bindable(defaultValue = "1m") Duration deadlineCheck,
        @Bindable(defaultValue = "10s") Duration deadlineInitialDelay,
        @Bindable(defaultValue = "Endow Foundation") String foundationName) {}
