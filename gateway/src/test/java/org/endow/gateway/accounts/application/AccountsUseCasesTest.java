package org.endow.gateway.accounts.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.endow.gateway.accounts.model.Account;
import org.endow.gateway.accounts.model.AccountId;
import org.endow.gateway.accounts.model.AccountRules;
import org.endow.gateway.accounts.model.Email;
import org.endow.gateway.accounts.model.MfaPolicy;
import org.endow.gateway.accounts.model.PasswordHasher;
import org.endow.gateway.accounts.model.Role;
import org.endow.gateway.accounts.model.Totp;
import org.endow.platform.problem.ProblemException;
import org.junit.jupiter.api.Test;

class AccountsUseCasesTest {

    static final String PASSWORD = "correct horse battery staple";

    final InMemoryAccounts store = new InMemoryAccounts();
    final InMemorySecondFactors factors = new InMemorySecondFactors();
    final MutableClock clock = new MutableClock(Instant.parse("2026-11-22T10:00:00Z"));
    final AccountRules rules = new AccountRules(Set.of(Role.DONOR, Role.NOMINATOR), 3, Duration.ofMinutes(15));
    final SigningUp signingUp = new SigningUp(store, InMemoryAccounts.PLAIN, rules, store, clock);
    final SigningIn signingIn = new SigningIn(store, InMemoryAccounts.PLAIN, rules, clock, factors);
    final GrantingRoles granting = new GrantingRoles(store, store, clock);
    final EnsuringFirstAdmin firstAdmin = new EnsuringFirstAdmin(store, InMemoryAccounts.PLAIN, store, clock);

    @Test
    void signing_up_grants_the_default_roles_and_is_audited() {
        Account ada = signingUp.signUp(new SignUpCommand("Ada@Example.org", " Ada Lovelace ", PASSWORD));

        assertEquals("ada@example.org", ada.email().value());
        assertEquals("Ada Lovelace", ada.displayName());
        assertEquals(Set.of(Role.DONOR, Role.NOMINATOR), ada.roles());
        assertEquals("account.signed-up", store.audit.getLast().action());
    }

    @Test
    void signing_up_twice_with_one_email_is_a_conflict_on_email() {
        signingUp.signUp(new SignUpCommand("ada@example.org", "Ada", PASSWORD));
        ProblemException problem = assertThrows(
                ProblemException.class,
                () -> signingUp.signUp(new SignUpCommand("ADA@example.org", "Ada again", PASSWORD)));
        assertEquals(409, problem.status().getCode());
        assertEquals("email", problem.errors().getFirst().field());
    }

    @Test
    void every_invalid_field_is_named_at_once() {
        ProblemException problem = assertThrows(
                ProblemException.class, () -> signingUp.signUp(new SignUpCommand("not-an-email", "", "short")));
        assertEquals(422, problem.status().getCode());
        assertEquals(
                Set.of("email", "displayName", "password"),
                Set.copyOf(problem.errors().stream().map(e -> e.field()).toList()));
        assertTrue(store.accounts.isEmpty());
    }

    @Test
    void signing_in_with_the_right_password_works_and_unknown_or_wrong_is_the_same_401() {
        signingUp.signUp(new SignUpCommand("ada@example.org", "Ada", PASSWORD));

        assertEquals("Ada", signingIn.signIn("ada@example.org", PASSWORD).displayName());
        ProblemException wrong =
                assertThrows(ProblemException.class, () -> signingIn.signIn("ada@example.org", "nope"));
        ProblemException unknown =
                assertThrows(ProblemException.class, () -> signingIn.signIn("bob@example.org", PASSWORD));
        assertEquals(401, wrong.status().getCode());
        assertEquals(wrong.getMessage(), unknown.getMessage());
    }

    @Test
    void with_an_authenticator_a_sign_in_needs_a_fresh_code_and_a_code_works_once() {
        Account ada = signingUp.signUp(new SignUpCommand("ada@example.org", "Ada", PASSWORD));
        EnrollingSecondFactor enrolling = new EnrollingSecondFactor(factors, store, store, clock);
        EnrollingSecondFactor.Enrolment enrolment = enrolling.start(ada.id());
        byte[] secret = factors.find(ada.id()).orElseThrow().secret();
        assertTrue(enrolment.otpauthUri().startsWith("otpauth://totp/Endow%3Aada%40example.org?secret="));
        assertEquals(Totp.base32(secret), enrolment.secret());

        ProblemException wrongCode = assertThrows(ProblemException.class, () -> enrolling.confirm(ada.id(), "000000"));
        assertEquals("code", wrongCode.errors().getFirst().field());
        assertEquals("Ada", signingIn.signIn("ada@example.org", PASSWORD).displayName(), "pending: no code yet");

        enrolling.confirm(ada.id(), Totp.code(secret, Totp.step(clock.instant())));
        assertEquals("account.second-factor-enabled", store.audit.getLast().action());

        clock.advance(Duration.ofSeconds(30));
        ProblemException noCode =
                assertThrows(ProblemException.class, () -> signingIn.signIn("ada@example.org", PASSWORD));
        assertEquals(401, noCode.status().getCode());
        assertEquals("code", noCode.errors().getFirst().field());
        String code = Totp.code(secret, Totp.step(clock.instant()));
        assertEquals("Ada", signingIn.signIn("ada@example.org", PASSWORD, code).displayName());
        ProblemException replayed =
                assertThrows(ProblemException.class, () -> signingIn.signIn("ada@example.org", PASSWORD, code));
        assertTrue(replayed.getMessage().contains("already used"), replayed.getMessage());
        assertThrows(ProblemException.class, () -> enrolling.start(ada.id()), "an enabled authenticator stays");
    }

    @Test
    void privileged_roles_wait_for_a_second_factor_when_the_policy_is_enforced() {
        Account staff = Account.open(
                AccountId.random(),
                new Email("staff@example.org"),
                "Staff",
                "x",
                Set.of(Role.STAFF, Role.DONOR),
                clock.instant());
        MfaPolicy policy = new MfaPolicy(Set.of(Role.STAFF, Role.ADMIN), true);

        assertEquals(Set.of(Role.DONOR), policy.effectiveRoles(staff, false));
        assertTrue(policy.enrolmentRequired(staff, false));
        assertEquals(Set.of(Role.STAFF, Role.DONOR), policy.effectiveRoles(staff, true));
        assertEquals(
                Set.of(Role.STAFF, Role.DONOR), new MfaPolicy(Set.of(Role.STAFF), false).effectiveRoles(staff, false));
    }

    @Test
    void too_many_wrong_passwords_lock_the_account_for_a_while_without_telling_that_it_exists() {
        signingUp.signUp(new SignUpCommand("ada@example.org", "Ada", PASSWORD));
        for (int i = 0; i < 3; i++) {
            assertThrows(ProblemException.class, () -> signingIn.signIn("ada@example.org", "wrong password!"));
        }
        ProblemException unknown =
                assertThrows(ProblemException.class, () -> signingIn.signIn("bob@example.org", "wrong password!"));

        // locked: a wrong password, and the right one, get what an unknown email gets, at the cost of one hash as
        // for an unknown email (the lock tells nobody that the account exists, nor that a guess was right)
        AtomicInteger hashes = new AtomicInteger();
        PasswordHasher counting = new PasswordHasher() {
            @Override
            public String hash(String password) {
                return InMemoryAccounts.PLAIN.hash(password);
            }

            @Override
            public boolean matches(String password, String hash) {
                hashes.incrementAndGet();
                return InMemoryAccounts.PLAIN.matches(password, hash);
            }
        };
        SigningIn counted = new SigningIn(store, counting, rules, clock, factors);
        for (String password : new String[] {"wrong password!", PASSWORD, null}) {
            int before = hashes.get();
            ProblemException locked =
                    assertThrows(ProblemException.class, () -> counted.signIn("ada@example.org", password));
            assertEquals(before + 1, hashes.get(), "one password check");
            assertEquals(unknown.status(), locked.status());
            assertEquals(unknown.getMessage(), locked.getMessage());
            assertEquals(unknown.errors(), locked.errors());
        }
        assertEquals(401, unknown.status().getCode());
        assertEquals(
                "Wrong email or password. After 3 wrong passwords in a row an account is locked for 15 minutes.",
                unknown.getMessage());

        clock.advance(Duration.ofMinutes(16));
        assertEquals("Ada", signingIn.signIn("ada@example.org", PASSWORD).displayName());
    }

    @Test
    void the_first_admin_is_created_once_with_a_generated_password_when_none_is_given() {
        String generated = firstAdmin.ensure("admin@endow.local", null).orElseThrow();

        assertTrue(generated.length() >= 20);
        Account admin = signingIn.signIn("admin@endow.local", generated);
        assertTrue(admin.roles().containsAll(Set.of(Role.ADMIN, Role.STAFF)));
        assertTrue(firstAdmin.ensure("admin@endow.local", null).isEmpty());
        assertEquals(1, store.accounts.size());
    }

    @Test
    void an_admin_grants_roles_audited_and_cannot_drop_their_own_admin_role() {
        firstAdmin.ensure("admin@endow.local", "a configured admin password");
        Account admin = signingIn.signIn("admin@endow.local", "a configured admin password");
        Account ada = signingUp.signUp(new SignUpCommand("ada@example.org", "Ada", PASSWORD));

        Account granted = granting.grant(admin.id().toString(), ada.id(), Set.of("DONOR", "GRANTS_WG"));

        assertEquals(Set.of(Role.DONOR, Role.GRANTS_WG), granted.roles());
        assertEquals("account.roles-changed", store.audit.getLast().action());
        assertEquals(admin.id().toString(), store.audit.getLast().actor());
        assertEquals(
                "roles",
                assertThrows(
                                ProblemException.class,
                                () -> granting.grant(admin.id().toString(), ada.id(), Set.of("KING")))
                        .errors()
                        .getFirst()
                        .field());
        assertThrows(ProblemException.class, () -> granting.grant(admin.id().toString(), admin.id(), Set.of("STAFF")));
    }

    @Test
    void a_change_of_roles_ends_the_accounts_sessions_and_the_same_roles_again_do_not() {
        firstAdmin.ensure("admin@endow.local", "a configured admin password");
        Account admin = signingIn.signIn("admin@endow.local", "a configured admin password");
        Account ada = signingUp.signUp(new SignUpCommand("ada@example.org", "Ada", PASSWORD));
        int generation = ada.sessionGeneration();

        clock.advance(Duration.ofMinutes(3));
        Account changed = granting.grant(admin.id().toString(), ada.id(), Set.of("DONOR", "GRANTS_WG"));

        assertEquals(generation + 1, changed.sessionGeneration());
        assertEquals(clock.instant(), changed.sessionsEndedAt());
        Account same = granting.grant(admin.id().toString(), ada.id(), Set.of("GRANTS_WG", "DONOR"));
        assertEquals(generation + 1, same.sessionGeneration(), "the same roles end no session");
        assertEquals("account.roles-changed", store.audit.getLast().action(), "the decision is audited all the same");
    }

    static final class MutableClock extends Clock {
        private Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
