package org.endow.platform.messaging;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;
import org.junit.jupiter.api.Test;

class TransienceTest {

    @Test
    void a_lock_wait_cancelled_by_lock_timeout_is_contention_and_transient() {
        RuntimeException failure = new RuntimeException(
                "update failed", new SQLException("ERROR: canceling statement due to lock timeout", "55P03"));

        assertTrue(Transience.isTransient(failure));
        assertTrue(Transience.isCancelledInTime(failure));
    }

    @Test
    void a_statement_cancelled_for_running_too_long_is_a_failed_attempt_not_transient() {
        RuntimeException failure = new RuntimeException(
                "select failed", new SQLException("ERROR: canceling statement due to statement timeout", "57014"));

        assertFalse(Transience.isTransient(failure));
        assertTrue(Transience.isCancelledInTime(failure));
    }

    @Test
    void a_deadlock_stays_transient_and_a_constraint_violation_does_not_become_so() {
        assertTrue(Transience.isTransient(new SQLException("deadlock detected", "40P01")));
        assertFalse(Transience.isTransient(new SQLException("duplicate key", "23505")));
        assertFalse(Transience.isCancelledInTime(new SQLException("duplicate key", "23505")));
    }
}
