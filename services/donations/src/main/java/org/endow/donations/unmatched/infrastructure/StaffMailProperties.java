package org.endow.donations.unmatched.infrastructure;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

/** {@code endow.donations.staff.*}: where donations staff are mailed (env {@code ENDOW_DONATIONS_STAFF_EMAIL}). */
@ConfigurationProperties("endow.donations.staff")
record StaffMailProperties(
        @Bindable(defaultValue = "donations@endow.local") String email) {}
