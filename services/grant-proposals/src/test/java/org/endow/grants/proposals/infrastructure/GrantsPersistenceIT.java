package org.endow.grants.proposals.infrastructure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.context.ApplicationContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.endow.devstack.Database;
import org.endow.devstack.TestInfra;
import org.endow.grants.committee.application.ManagingRoster;
import org.endow.grants.committee.model.Member;
import org.endow.grants.policy.application.ManagingPolicy;
import org.endow.grants.policy.model.GrantCategory;
import org.endow.grants.proposals.application.Applying;
import org.endow.grants.proposals.application.ApprovingGrants;
import org.endow.grants.proposals.application.Reviewing;
import org.endow.grants.proposals.application.ViewingProposals;
import org.endow.grants.proposals.model.Applicant;
import org.endow.grants.proposals.model.Application;
import org.endow.grants.proposals.model.Proposal;
import org.endow.grants.proposals.model.Proposals;
import org.endow.grants.proposals.model.State;
import org.endow.kernel.voting.Basis;
import org.endow.kernel.voting.Choice;
import org.endow.platform.security.Caller;
import org.endow.platform.security.Roles;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The service on a real PostgreSQL: the seeded policy reads, a proposal and its copy of the policy
 * survive storage through a vote, and the award letter renders.
 */
class GrantsPersistenceIT {

    static ApplicationContext context;

    @BeforeAll
    static void start() {
        Database db = TestInfra.get().freshDatabase("grants_it");
        Map<String, Object> config = new java.util.HashMap<>();
        config.put("datasources.default.url", db.jdbcUrl());
        config.put("datasources.default.username", db.username());
        config.put("datasources.default.password", db.password());
        config.put("kafka.bootstrap.servers", TestInfra.get().kafkaBootstrapServers());
        config.put("endow.messaging.service", "grants-it-" + UUID.randomUUID());
        config.put("endow.messaging.consumer-enabled", false);
        config.put("endow.messaging.relay-enabled", false);
        config.put("endow.mail.relay-enabled", false);
        config.put("endow.grants.deadlines-enabled", false);
        config.put("micronaut.server.port", -1);
        config.put("endow.jwt.public-key", TestInfra.get().jwtKeys().publicKeyPem());
        context = ApplicationContext.run(config);
    }

    @SuppressWarnings("unchecked") // the JDBC transaction manager is TransactionOperations<Connection>
    static io.micronaut.transaction.TransactionOperations<java.sql.Connection> transactions() {
        return context.getBean(io.micronaut.transaction.TransactionOperations.class);
    }

    @AfterAll
    static void stop() {
        if (context != null) {
            context.close();
        }
    }

    @Test
    void the_seeded_policy_is_the_working_groups_charter() {
        List<GrantCategory> categories = context.getBean(ManagingPolicy.class).all();
        assertEquals(
                Set.of("conference", "workshop", "sprint", "development-work", "developer-in-residence"),
                Set.copyOf(categories.stream().map(GrantCategory::code).toList()));
        GrantCategory conference = context.getBean(ManagingPolicy.class).one("conference");
        assertEquals(800_000, conference.capMinor());
        assertEquals(Basis.ELIGIBLE_MEMBERS, conference.votingRule().basis());
        assertEquals(30, conference.votingRule().numerator());
        assertEquals(1_500_000, conference.organisationYearlyCapMinor());
        assertEquals(7, conference.fastTrack().objectionDays());
    }

    @Test
    void an_organisation_s_commitment_of_the_year_is_summed_in_one_currency() {
        Proposals proposals = context.getBean(Proposals.class);
        for (String currency : List.of("USD", "JPY")) {
            String code = "it-" + currency.toLowerCase(java.util.Locale.ROOT);
            long amount = currency.equals("USD") ? 300_000 : 1_400_000;
            GrantCategory category = new GrantCategory(
                    code,
                    "IT " + currency,
                    currency,
                    5_000_000,
                    0,
                    List.of(),
                    false,
                    "general",
                    org.endow.kernel.voting.VotingRule.atLeastPercentOfMembers(30),
                    10,
                    10,
                    42,
                    null,
                    5_000_000,
                    false);
            Proposal proposal = Proposal.draft(
                    UUID.randomUUID().toString(),
                    new Applicant("app-2", "Ada", "ada@example.org"),
                    new Application(
                            "Rust Tokyo",
                            code,
                            "Tokyo sprint " + currency,
                            "Two days of sprints.",
                            null,
                            LocalDate.of(2027, 6, 1),
                            LocalDate.of(2027, 6, 2),
                            20,
                            amount,
                            currency,
                            List.of(new Application.BudgetLine("Venue", amount)),
                            List.of(),
                            "https://example.org/coc"),
                    java.time.Instant.now());
            proposal.submit(category, java.time.Instant.now());
            transactions().executeWrite(s -> {
                proposals.add(proposal);
                return null;
            });
        }

        assertEquals(300_000L, (long)
                transactions().executeRead(s -> proposals.committedForOrganisation("rust tokyo", 2027, "USD", "none")));
        assertEquals(1_400_000L, (long)
                transactions().executeRead(s -> proposals.committedForOrganisation("Rust Tokyo", 2027, "JPY", "none")));
    }

    @Test
    void a_proposal_keeps_its_policy_and_votes_through_storage_and_gets_a_letter() throws Exception {
        ManagingRoster roster = context.getBean(ManagingRoster.class);
        roster.save("staff", new Member("chair-1", "Chair", "chair@endow.test", true));
        roster.save("staff", new Member("member-1", "Member", "member@endow.test", false));
        Caller chair = new Caller("chair-1", "Chair", "chair@endow.test", Set.of(Roles.GRANTS_WG));
        Caller member = new Caller("member-1", "Member", "member@endow.test", Set.of(Roles.GRANTS_WG));

        Applying applying = context.getBean(Applying.class);
        Application application = new Application(
                "PyLadies Lagos",
                "sprint",
                "Lagos sprint 2027",
                "Two days of sprints for new contributors.",
                "Lagos sprint",
                LocalDate.of(2027, 4, 3),
                LocalDate.of(2027, 4, 4),
                40,
                120_000,
                "USD",
                List.of(new Application.BudgetLine("Travel", 100_000), new Application.BudgetLine("Food", 20_000)),
                List.of(),
                "https://example.org/coc");
        Proposal draft = applying.draft(new Applicant("app-1", "Ada", "ada@example.org"), application);
        byte[] budget = "%PDF-1.4\n% budget\n%%EOF".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        applying.attach("app-1", draft.id(), "budget", "budget.pdf", budget);
        applying.submit("app-1", draft.id());
        assertEquals(
                budget.length,
                transactions()
                        .executeRead(s -> applying.attachment(
                                context.getBean(Proposals.class)
                                        .find(draft.id())
                                        .orElseThrow(),
                                "budget"))
                        .length);

        // a later change of the category does not reach the submitted proposal
        ManagingPolicy policy = context.getBean(ManagingPolicy.class);
        policy.save("staff", policy.one("sprint").paused(true));

        Reviewing reviewing = context.getBean(Reviewing.class);
        reviewing.comment(member, draft.id(), "Looks good to me.");
        reviewing.acceptAsComplete(chair, draft.id());
        reviewing.openVote(chair, draft.id());
        reviewing.vote(member, draft.id(), Choice.YES);
        reviewing.vote(chair, draft.id(), Choice.CONFLICT);

        Proposal stored = transactions()
                .executeRead(s -> context.getBean(Proposals.class).find(draft.id()))
                .orElseThrow();
        assertEquals(State.FUNDS_REQUESTED, stored.state(), stored.decision());
        assertTrue(!stored.policy().paused(), "the copy taken at submission");
        assertEquals(2, stored.votes().size());
        assertEquals("Looks good to me.", stored.comments().getFirst().text());
        assertEquals(
                List.of(draft.id()),
                context.getBean(ViewingProposals.class).mine("app-1").stream()
                        .map(Proposal::id)
                        .toList());

        stored.fundsReserved(java.time.Instant.now());
        transactions().executeWrite(s -> {
            context.getBean(Proposals.class).update(stored);
            return null;
        });
        Proposal awarded = context.getBean(ApprovingGrants.class).approve("staff-1", draft.id());
        byte[] pdf = context.getBean(ApprovingGrants.class).letter(awarded);
        assertEquals("%PDF", new String(pdf, 0, 4, java.nio.charset.StandardCharsets.US_ASCII));
        Path out = Path.of("target/award-letter.pdf");
        Files.write(out, pdf);
        policy.save("staff", policy.one("sprint").paused(false));
    }
}
