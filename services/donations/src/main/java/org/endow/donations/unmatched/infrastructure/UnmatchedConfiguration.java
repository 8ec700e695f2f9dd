package org.endow.donations.unmatched.infrastructure;

import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import org.endow.donations.unmatched.application.UnmatchedSettings;

@Factory
class UnmatchedConfiguration {

    @Singleton
    UnmatchedSettings unmatchedSettings(StaffMailProperties staff) {
        return new UnmatchedSettings(staff.email());
    }
}
