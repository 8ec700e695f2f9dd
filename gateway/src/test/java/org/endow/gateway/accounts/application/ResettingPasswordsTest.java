package org.endow.gateway.accounts.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.endow.gateway.accounts.model.Account;
import org.endow.gateway.accounts.model.AccountId;
import org.endow.gateway.accounts.model.AccountRules;
import org.endow.gateway.accounts.model.PasswordReset;
import org.endow.gateway.accounts.model.PasswordResets;
import org.endow.gateway.accounts.model.Role;
import org.endow.platform.problem.ProblemException;
import org.junit.jupiter.api.Test;

/** The rules of a reset link, on a clock the test moves: it expires, one reset voids the others, a lock-out ends. */
class ResettingPasswordsTest {

    static final String PASSWORD = "correct horse battery staple";

    final InMemoryAccounts store = new InMemoryAccounts();
    final AccountsUseCasesTest.MutableClock clock =
            new AccountsUseCasesTest.MutableClock(Instant.parse("2026-11-22T10:00:00Z"));
    final AccountRules rules = new AccountRules(Set.of(Role.DONOR), 3, Duration.ofMinutes(15));
    final SigningUp signingUp = new SigningUp(store, InMemoryAccounts.PLAIN, rules, store, clock);
    final SigningIn signingIn = new SigningIn(store, InMemoryAccounts.PLAIN, rules, clock, new InMemorySecondFactors());
    final Map<String, PasswordReset> links = new HashMap<>();
    final List<URI> mailedLinks = new ArrayList<>();
    final List<String> confirmations = new ArrayList<>();
    final ResettingPasswords resetting = new ResettingPasswords(
            store,
            new PasswordResets() {
                @Override
                public void add(PasswordReset reset) {
                    links.put(reset.tokenHash(), reset);
                }

                @Override
                public Optional<PasswordReset> findForUpdate(String tokenHash) {
                    return Optional.ofNullable(links.get(tokenHash));
                }

                @Override
                public int requestedSince(AccountId account, Instant since) {
                    return (int) links.values().stream()
                            .filter(r -> r.accountId().equals(account)
                                    && !r.requestedAt().isBefore(since))
                            .count();
                }

                @Override
                public void useAll(AccountId account, Instant now) {
                    links.replaceAll((hash, r) -> r.accountId().equals(account) && r.usedAt() == null
                            ? new PasswordReset(hash, account, r.requestedAt(), r.expiresAt(), now)
                            : r);
                }
            },
            InMemoryAccounts.PLAIN,
            store,
            new AccountMails() {
                @Override
                public void passwordResetRequested(Account account, URI link, Instant expiresAt) {
                    mailedLinks.add(link);
                }

                @Override
                public void passwordChanged(Account account, Instant at) {
                    confirmations.add(account.email().value());
                }
            },
            new PasswordResetPolicy(URI.create("https://portal.example.org"), Duration.ofHours(1), 3),
            clock);

    @Test
    void a_link_expires_after_its_hour() {
        signingUp.signUp(new SignUpCommand("ada@example.org", "Ada", PASSWORD));
        resetting.request("ada@example.org");

        clock.advance(Duration.ofMinutes(60));

        ProblemException gone =
                assertThrows(ProblemException.class, () -> resetting.reset(token(0), "a new and long passphrase"));
        assertEquals(410, gone.status().getCode());
        assertEquals(List.of(), confirmations);
    }

    @Test
    void a_reset_voids_the_other_links_lifts_a_lock_out_and_ends_the_sessions() {
        int generation = signingUp
                .signUp(new SignUpCommand("ada@example.org", "Ada", PASSWORD))
                .sessionGeneration();
        for (int i = 0; i < 3; i++) {
            assertThrows(ProblemException.class, () -> signingIn.signIn("ada@example.org", "not the password at all"));
        }
        resetting.request("ADA@example.org");
        resetting.request("ada@example.org");
        clock.advance(Duration.ofMinutes(1));

        Account reset = resetting.reset(token(1), "a new and long passphrase");

        assertEquals(generation + 1, reset.sessionGeneration());
        assertEquals(
                "Ada",
                signingIn.signIn("ada@example.org", "a new and long passphrase").displayName(),
                "the lock-out ended with the reset");
        assertEquals(
                410,
                assertThrows(ProblemException.class, () -> resetting.reset(token(0), "yet another long passphrase"))
                        .status()
                        .getCode(),
                "the other link was voided");
        assertEquals(List.of("ada@example.org"), confirmations);
        assertTrue(store.audit.stream().anyMatch(e -> e.action().equals("account.password-reset")));
    }

    @Test
    void links_are_on_the_configured_portal_and_not_sent_for_unknown_emails() {
        signingUp.signUp(new SignUpCommand("ada@example.org", "Ada", PASSWORD));

        resetting.request("nobody@example.org");
        resetting.request("ada@example.org");

        assertEquals(1, mailedLinks.size());
        assertTrue(
                mailedLinks.getFirst().toString().startsWith("https://portal.example.org/password/reset?token="),
                mailedLinks.toString());
    }

    @Test
    void a_wrong_current_password_counts_towards_the_lock_out() {
        Account ada = signingUp.signUp(new SignUpCommand("ada@example.org", "Ada", PASSWORD));
        ChangingPassword changing = new ChangingPassword(store, InMemoryAccounts.PLAIN, rules, store, mails(), clock);
        for (int i = 0; i < 3; i++) {
            ProblemException wrong = assertThrows(
                    ProblemException.class,
                    () -> changing.change(ada.id(), "a wrong guess of it", "a new long passphrase"));
            assertEquals("currentPassword", wrong.errors().getFirst().field());
        }

        ProblemException locked = assertThrows(
                ProblemException.class, () -> changing.change(ada.id(), PASSWORD, "a new long passphrase"));

        assertEquals(423, locked.status().getCode(), "the right password too while locked");
        clock.advance(Duration.ofMinutes(15));
        assertEquals(
                1, changing.change(ada.id(), PASSWORD, "a new long passphrase").sessionGeneration());
        assertEquals(List.of("ada@example.org"), confirmations);
    }

    private AccountMails mails() {
        return new AccountMails() {
            @Override
            public void passwordResetRequested(Account account, URI link, Instant expiresAt) {
                mailedLinks.add(link);
            }

            @Override
            public void passwordChanged(Account account, Instant at) {
                confirmations.add(account.email().value());
            }
        };
    }

    private String token(int index) {
        String link = mailedLinks.get(index).toString();
        return link.substring(link.indexOf("token=") + "token=".length());
    }
}
