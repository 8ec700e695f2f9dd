package org.endow.gateway.accounts.infrastructure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.context.ApplicationContext;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.endow.devstack.Database;
import org.endow.devstack.KeyPairPem;
import org.endow.devstack.TestInfra;
import org.endow.gateway.accounts.application.EnrollingSecondFactor;
import org.endow.gateway.accounts.application.SignUpCommand;
import org.endow.gateway.accounts.application.SigningIn;
import org.endow.gateway.accounts.application.SigningUp;
import org.endow.gateway.accounts.model.Account;
import org.endow.gateway.accounts.model.Totp;
import org.endow.platform.problem.ProblemException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Signing in against the real database: what concurrent sign-ins may and may not do. */
class SigningInIT {

    static final String PASSWORD = "a long enough passphrase for tests";
    static ApplicationContext context;

    @BeforeAll
    static void start() {
        Database db = TestInfra.get().freshDatabase("gateway_signing_in");
        KeyPairPem keys = TestInfra.get().jwtKeys();
        Map<String, Object> p = new HashMap<>();
        p.put("datasources.default.url", db.jdbcUrl());
        p.put("datasources.default.username", db.username());
        p.put("datasources.default.password", db.password());
        p.put("endow.jwt.public-key", keys.publicKeyPem());
        p.put("endow.jwt.private-key", keys.privateKeyPem());
        p.put("endow.accounts.admin-password", "signing in test admin password");
        // every read of an authenticator waits a while: concurrent sign-ins all read before any writes
        p.put("endow.test.second-factors.pause", "500ms");
        context = ApplicationContext.run(p);
    }

    @AfterAll
    static void stop() {
        if (context != null) {
            context.close();
        }
    }

    @Test
    void one_authenticator_code_signs_in_once_even_when_sent_several_times_at_once() throws Exception {
        String email = "grace-" + System.nanoTime() + "@example.org";
        Account grace = context.getBean(SigningUp.class).signUp(new SignUpCommand(email, "Grace", PASSWORD));
        EnrollingSecondFactor enrolling = context.getBean(EnrollingSecondFactor.class);
        byte[] secret = Totp.fromBase32(enrolling.start(grace.id()).secret());
        long step = Totp.step(Instant.now());
        enrolling.confirm(grace.id(), Totp.code(secret, step));
        // the next step's code (one step of drift is accepted), sent by 6 sign-ins at once: a phished code replayed
        // by an attacker while its holder signs in, or a double click
        String code = Totp.code(secret, step + 1);
        SigningIn signingIn = context.getBean(SigningIn.class);
        int attempts = 6;
        CyclicBarrier together = new CyclicBarrier(attempts);
        ExecutorService pool = Executors.newFixedThreadPool(attempts);
        List<Future<String>> outcomes = new ArrayList<>();
        try {
            for (int i = 0; i < attempts; i++) {
                outcomes.add(pool.submit(() -> {
                    together.await(10, TimeUnit.SECONDS);
                    try {
                        return "signed in as "
                                + signingIn.signIn(email, PASSWORD, code).displayName();
                    } catch (ProblemException refused) {
                        return refused.status().getCode() + " " + refused.getMessage();
                    }
                }));
            }
            List<String> answers = new ArrayList<>();
            for (Future<String> outcome : outcomes) {
                answers.add(outcome.get(60, TimeUnit.SECONDS));
            }
            System.out.println("ANSWERS " + answers + " "
                    + context.getBean(org.endow.gateway.accounts.model.SecondFactors.class)
                            .getClass());
            assertEquals(
                    1, answers.stream().filter("signed in as Grace"::equals).count(), "one sign-in only: " + answers);
            assertTrue(
                    answers.stream()
                            .filter(answer -> !answer.equals("signed in as Grace"))
                            .allMatch(answer -> answer.startsWith("401") && answer.contains("already used")),
                    answers.toString());
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void a_sign_in_under_way_does_not_undo_a_change_of_password_committed_meanwhile() throws Exception {
        String email = "alan-" + System.nanoTime() + "@example.org";
        Account alan = context.getBean(SigningUp.class).signUp(new SignUpCommand(email, "Alan", PASSWORD));
        String newPassword = "a new passphrase nobody else knows";
        SigningIn signingIn = context.getBean(SigningIn.class);
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            // reads the account, checks the old password, then waits 500 ms (the authenticator's read) and writes
            // what a sign-in changes
            Future<String> stale = pool.submit(() -> {
                try {
                    return signingIn.signIn(email, PASSWORD).displayName();
                } catch (ProblemException refused) {
                    return refused.status().getCode() + "";
                }
            });
            Thread.sleep(50);
            Account changed = context.getBean(org.endow.gateway.accounts.application.ChangingPassword.class)
                    .change(alan.id(), PASSWORD, newPassword);
            stale.get(60, TimeUnit.SECONDS);

            assertEquals("Alan", signingIn.signIn(email, newPassword).displayName(), "the new password stands");
            assertEquals(
                    401,
                    org.junit.jupiter.api.Assertions.assertThrows(
                                    ProblemException.class, () -> signingIn.signIn(email, PASSWORD))
                            .status()
                            .getCode());
            assertEquals(changed.sessionGeneration(), generationOf(alan), "the sessions stay ended");
        } finally {
            pool.shutdownNow();
        }
    }

    @SuppressWarnings("unchecked") // the JDBC transaction manager is TransactionOperations<Connection>
    private static int generationOf(Account account) {
        io.micronaut.transaction.TransactionOperations<java.sql.Connection> transactions =
                context.getBean(io.micronaut.transaction.TransactionOperations.class);
        return transactions.executeRead(status -> context.getBean(org.endow.gateway.accounts.model.Accounts.class)
                .find(account.id())
                .orElseThrow()
                .sessionGeneration());
    }
}
